package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
)

// ReextractResult says what re-coding one article changed.
type ReextractResult struct {
	ArticleID string `json:"article_id"`
	Kept      int    `json:"kept"`      // reports coded as before
	Changed   int    `json:"changed"`   // reports re-coded under their old ID
	Added     int    `json:"added"`     // reports the new extraction found first
	Withdrawn int    `json:"withdrawn"` // reports it no longer finds
}

// oldReport is a stored report of the article being re-extracted.
type oldReport struct {
	id, cluster string
	in          incident.Incident
}

// Reextract replaces the reports coded from a stored article with a new
// extraction of it, keeping IDs stable: each new report is paired with an
// old one by the merge rules (merge.Options.Rematch, best fit first) and
// takes its place and ID; unpaired new reports are filed as at ingest,
// unpaired old ones are withdrawn. Every event touched is merged again,
// its corrections re-applied, and its changes recorded as revisions; an
// event left without reports becomes a tombstone. A near-duplicate
// article has no reports of its own and is left alone.
func (db *DB) Reextract(ctx context.Context, articleID string, incidents []incident.Incident) (ReextractResult, error) {
	res := ReextractResult{ArticleID: articleID}
	a, err := db.Article(ctx, articleID)
	if err != nil {
		return res, fmt.Errorf("sqlite: re-extract: %w", err)
	}
	if err := validateIncidents(incidents); err != nil {
		return res, fmt.Errorf("sqlite: re-extract %s: %w", articleID, err)
	}
	if a.DuplicateOf != "" {
		return res, nil
	}
	ch := change{why: "re-extraction", article: a.ID, at: now(time.Time{})}
	err = db.inTx(ctx, func(tx *wtx) error {
		res, err = db.reextractTx(ctx, tx, &a, incidents, ch)
		return err
	})
	if err != nil {
		return ReextractResult{ArticleID: articleID}, fmt.Errorf("sqlite: re-extract %s: %w", articleID, err)
	}
	return res, nil
}

// reextractTx is Reextract inside its transaction: pair, update or
// withdraw old reports, merge the touched events again, file new reports.
func (db *DB) reextractTx(ctx context.Context, tx *wtx, a *article.Article, incidents []incident.Incident, ch change) (ReextractResult, error) {
	res := ReextractResult{ArticleID: a.ID}
	old, next, err := articleReports(ctx, tx, a.ID)
	if err != nil {
		return res, err
	}
	fresh := slices.Clone(incidents)
	for i := range fresh {
		prepareReport(a, next+i, &fresh[i], ch.at)
	}
	olds := make([]incident.Incident, len(old))
	for i := range old {
		olds[i] = old[i].in
	}
	pair := merge.DefaultOptions().Rematch(olds, fresh)
	touched := map[string]bool{}
	used := make([]bool, len(old))
	for i, j := range pair {
		if j < 0 {
			continue
		}
		used[j] = true
		changed, err := replaceReport(ctx, tx, &old[j], &fresh[i])
		if err != nil {
			return res, err
		}
		if changed {
			res.Changed++
			touched[old[j].cluster] = true
		} else {
			res.Kept++
		}
	}
	for j := range old {
		if !used[j] {
			res.Withdrawn++
			touched[old[j].cluster] = true
			if _, err := tx.ExecContext(ctx, `UPDATE reports SET withdrawn_at = ? WHERE id = ?`, formatTime(ch.at), old[j].id); err != nil {
				return res, fmt.Errorf("withdraw report %s: %w", old[j].id, err)
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(touched)) {
		if _, err := db.recompute(ctx, tx, id, ch); err != nil {
			return res, err
		}
	}
	for i, j := range pair {
		if j < 0 {
			res.Added++
			if err := db.addReport(ctx, tx, &fresh[i], reportID(a.ID, next+i), ch); err != nil {
				return res, err
			}
		}
	}
	return res, nil
}

// articleReports returns an article's live reports in order, and the
// number the next new report of it takes.
func articleReports(ctx context.Context, tx *wtx, articleID string) ([]oldReport, int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, cluster_id, body, withdrawn_at IS NULL FROM reports WHERE article_id = ? ORDER BY seq`, articleID)
	if err != nil {
		return nil, 0, fmt.Errorf("reports of %s: %w", articleID, err)
	}
	defer rows.Close()
	var out []oldReport
	n := 0
	for rows.Next() {
		var r oldReport
		var body string
		var live bool
		if err := rows.Scan(&r.id, &r.cluster, &body, &live); err != nil {
			return nil, 0, err
		}
		n++
		if !live {
			continue
		}
		if err := json.Unmarshal([]byte(body), &r.in); err != nil {
			return nil, 0, fmt.Errorf("decode report %s: %w", r.id, err)
		}
		out = append(out, r)
	}
	return out, n, rows.Err()
}

// replaceReport stores a re-coded report in its old one's place, under
// the old ID, and says whether the coding changed.
func replaceReport(ctx context.Context, tx *wtx, old *oldReport, in *incident.Incident) (bool, error) {
	in.EventID, in.UpdatedAt = old.in.EventID, old.in.UpdatedAt
	was, _ := json.Marshal(old.in)
	now, err := json.Marshal(in)
	if err != nil {
		return false, fmt.Errorf("encode report %s: %w", old.id, err)
	}
	if string(was) == string(now) {
		return false, nil
	}
	lo, hi := window(in)
	_, err = tx.ExecContext(ctx, `UPDATE reports SET body = ?, country_key = ?, admin1_key = ?, day_lo = ?, day_hi = ? WHERE id = ?`,
		string(now), merge.CountryKey(in), merge.Admin1Key(in), lo, hi, old.id)
	if err != nil {
		return false, fmt.Errorf("update report %s: %w", old.id, err)
	}
	return true, nil
}

// addReport files a report new to the store as ingest does.
func (db *DB) addReport(ctx context.Context, tx *wtx, in *incident.Incident, id string, ch change) error {
	clusterID, err := db.chooseCluster(ctx, tx, in, in.ArticleID)
	if err != nil {
		return err
	}
	if clusterID == "" {
		if clusterID, err = newCluster(ctx, tx, in.EventID, ch.at); err != nil {
			return err
		}
	}
	if err := insertReport(ctx, tx, id, clusterID, in); err != nil {
		return err
	}
	_, err = db.recompute(ctx, tx, clusterID, ch)
	return err
}
