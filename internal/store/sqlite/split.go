package sqlite

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// MergeIncidents folds the incident absorb into keep, as an analyst
// decides: absorb's reports join keep, its ID becomes a tombstone pointing
// at keep, and keep takes over its corrections of fields keep has not
// corrected itself.
func (db *DB) MergeIncidents(ctx context.Context, keep, absorb, why string) (incident.Incident, error) {
	if keep == absorb || strings.TrimSpace(why) == "" {
		return incident.Incident{}, fmt.Errorf("sqlite: merge %s into %s: two IDs and a reason are required: %w", absorb, keep, incident.ErrInvalid)
	}
	ch := change{why: "merge: " + why, at: now(time.Time{})}
	err := db.inTx(ctx, func(tx *wtx) error {
		for _, id := range []string{keep, absorb} {
			if err := mustBeLive(ctx, tx, id); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE reports SET cluster_id = ? WHERE cluster_id = ?`, keep, absorb); err != nil {
			return err
		}
		if err := tombstone(ctx, tx, absorb, keep, ch.why, ch); err != nil {
			return err
		}
		_, err := db.recompute(ctx, tx, keep, ch)
		return err
	})
	if err != nil {
		return incident.Incident{}, fmt.Errorf("sqlite: merge %s into %s: %w", absorb, keep, err)
	}
	return db.Incident(ctx, keep)
}

// SplitSource moves one article's report out of an incident into an
// incident of its own, named by the ID the report first came with (a
// suffix is added when that ID is taken), and returns the new incident.
// The incident it leaves keeps its ID and is merged again without it.
func (db *DB) SplitSource(ctx context.Context, incidentID, articleID, why string) (incident.Incident, error) {
	if strings.TrimSpace(why) == "" {
		return incident.Incident{}, fmt.Errorf("sqlite: split %s from %s: a reason is required: %w", articleID, incidentID, incident.ErrInvalid)
	}
	ch := change{why: "split: " + why, article: articleID, at: now(time.Time{})}
	var newID string
	err := db.inTx(ctx, func(tx *wtx) error {
		var n int
		var origin string
		err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(min(origin_id), '') FROM reports
			WHERE cluster_id = ? AND withdrawn_at IS NULL AND article_id = ?`, incidentID, articleID).Scan(&n, &origin)
		if err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("no report of article %s in incident %s: %w", articleID, incidentID, incident.ErrNotFound)
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM reports WHERE cluster_id = ? AND withdrawn_at IS NULL`,
			incidentID).Scan(&n); err != nil {
			return err
		}
		if n < 2 {
			return fmt.Errorf("incident %s has only that report: %w", incidentID, incident.ErrInvalid)
		}
		if newID, err = newCluster(ctx, tx, origin, ch.at); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE reports SET cluster_id = ? WHERE cluster_id = ? AND article_id = ?`,
			newID, incidentID, articleID); err != nil {
			return err
		}
		if _, err := db.recompute(ctx, tx, incidentID, ch); err != nil {
			return err
		}
		_, err = db.recompute(ctx, tx, newID, ch)
		return err
	})
	if err != nil {
		return incident.Incident{}, fmt.Errorf("sqlite: split %s from %s: %w", articleID, incidentID, err)
	}
	return db.Incident(ctx, newID)
}
