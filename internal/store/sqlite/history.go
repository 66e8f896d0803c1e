package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
)

var (
	_ incident.History   = (*DB)(nil)
	_ incident.Corrector = (*DB)(nil)
)

// Revisions lists an incident's changes, oldest first; an unknown ID (never
// stored, live or tombstoned) is ErrNotFound.
func (db *DB) Revisions(ctx context.Context, incidentID string) ([]incident.Revision, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT at, field, old_value, new_value, why, article_id
		FROM revisions WHERE incident_id = ? ORDER BY id`, incidentID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: revisions of %s: %w", incidentID, err)
	}
	defer rows.Close()
	out := []incident.Revision{}
	for rows.Next() {
		r := incident.Revision{IncidentID: incidentID}
		var at string
		if err := rows.Scan(&at, &r.Field, &r.Old, &r.New, &r.Why, &r.ArticleID); err != nil {
			return nil, fmt.Errorf("sqlite: revisions of %s: %w", incidentID, err)
		}
		r.At = parseTime(at)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: revisions of %s: %w", incidentID, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("sqlite: revisions of %s: %w", incidentID, incident.ErrNotFound)
	}
	return out, nil
}

// Tombstones lists the incident IDs retired at or after since (all when
// since is zero), oldest first.
func (db *DB) Tombstones(ctx context.Context, since time.Time) ([]incident.Tombstone, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT event_id, merged_into, why, at FROM tombstones ORDER BY at, event_id`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: tombstones: %w", err)
	}
	defer rows.Close()
	out := []incident.Tombstone{}
	for rows.Next() {
		var t incident.Tombstone
		var at string
		if err := rows.Scan(&t.EventID, &t.MergedInto, &t.Why, &at); err != nil {
			return nil, fmt.Errorf("sqlite: tombstones: %w", err)
		}
		t.At = parseTime(at)
		if !since.IsZero() && t.At.Before(since) {
			continue
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Correct records an analyst's value for one field of a live incident and
// applies it; the correction is applied again after every later report or
// re-extraction, so it wins over the machine's value until corrected again.
func (db *DB) Correct(ctx context.Context, c incident.Correction) (incident.Incident, error) {
	if _, err := checkValue(c.Field, c.Value); err != nil {
		return incident.Incident{}, fmt.Errorf("sqlite: correct %s: %w", c.IncidentID, err)
	}
	if strings.TrimSpace(c.Why) == "" {
		return incident.Incident{}, fmt.Errorf("sqlite: correct %s: a reason is required: %w", c.IncidentID, incident.ErrInvalid)
	}
	at := now(c.At)
	err := db.inTx(ctx, func(tx *wtx) error {
		if err := mustBeLive(ctx, tx, c.IncidentID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO corrections (incident_id, field, value, why, author, at)
			VALUES (?,?,?,?,?,?)`, c.IncidentID, c.Field, strings.TrimSpace(c.Value), c.Why, c.Author, formatTime(at)); err != nil {
			return err
		}
		_, err := db.recompute(ctx, tx, c.IncidentID, change{why: "correction: " + c.Why, at: at})
		return err
	})
	if err != nil {
		return incident.Incident{}, fmt.Errorf("sqlite: correct %s: %w", c.IncidentID, err)
	}
	return db.Incident(ctx, c.IncidentID)
}

// Corrections lists the corrections recorded for an incident, oldest first.
func (db *DB) Corrections(ctx context.Context, incidentID string) ([]incident.Correction, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT field, value, why, author, at FROM corrections
		WHERE incident_id = ? ORDER BY id`, incidentID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: corrections of %s: %w", incidentID, err)
	}
	defer rows.Close()
	var out []incident.Correction
	for rows.Next() {
		c := incident.Correction{IncidentID: incidentID}
		var at string
		if err := rows.Scan(&c.Field, &c.Value, &c.Why, &c.Author, &at); err != nil {
			return nil, fmt.Errorf("sqlite: corrections of %s: %w", incidentID, err)
		}
		c.At = parseTime(at)
		out = append(out, c)
	}
	return out, rows.Err()
}

func now(t time.Time) time.Time {
	if t.IsZero() {
		t = time.Now()
	}
	return t.UTC().Truncate(time.Millisecond)
}

func mustBeLive(ctx context.Context, tx *wtx, id string) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM clusters WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("incident %s: %w", id, incident.ErrNotFound)
	}
	return nil
}

// Tombstone returns the tombstone of one retired incident ID, following
// merges to the incident that now holds it (MergedInto is the live
// survivor); ErrNotFound when the ID was never retired. The API answers a
// request for a merged-away incident with it (410 and merged_into).
func (db *DB) Tombstone(ctx context.Context, id string) (incident.Tombstone, error) {
	t := incident.Tombstone{EventID: id}
	var at string
	err := db.r.QueryRowContext(ctx, `SELECT merged_into, why, at FROM tombstones WHERE event_id = ?`, id).Scan(&t.MergedInto, &t.Why, &at)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			err = incident.ErrNotFound
		}
		return t, fmt.Errorf("sqlite: tombstone %s: %w", id, err)
	}
	t.At = parseTime(at)
	return t, nil
}
