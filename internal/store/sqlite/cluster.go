package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
)

// Merging at ingest. Every incident an extractor codes from an article is
// kept as a report (table reports, its JSON as extracted); reports of one
// event form a cluster, whose merged incident (merge.Combine over its
// reports, then the analyst's corrections) is what the incidents table
// holds, under the cluster's ID. The ID is chosen once, when the cluster is
// created, and stored, so it survives new reports, re-extraction and
// corrections. See internal/merge/DESIGN.md for the rules.

// change says why a cluster is being recomputed, for its revisions.
type change struct {
	why     string
	article string
	at      time.Time
}

// maxTombstoneHops bounds the walk from a merged-away ID to its survivor.
const maxTombstoneHops = 16

// saveReport files incident n of article a as a report and folds it into
// the cluster it joins or starts.
func (db *DB) saveReport(ctx context.Context, tx *wtx, a *article.Article, n int, in *incident.Incident, at time.Time) error {
	prepareReport(a, n, in, at)
	return db.addReport(ctx, tx, in, reportID(a.ID, n), change{why: "new report", article: a.ID, at: at})
}

// prepareReport fills what the store derives: the article, document, a
// stable ID from the article and position when the extractor gave none,
// and the article itself as the first source.
func prepareReport(a *article.Article, n int, in *incident.Incident, at time.Time) {
	if in.ArticleID == "" {
		in.ArticleID = a.ID
	}
	if in.Doc == "" {
		in.Doc = docName(a)
	}
	if in.EventID == "" {
		sum := sha256.Sum256(fmt.Appendf(nil, "%s:%d", a.ID, n))
		in.EventID = "SR" + strings.ToUpper(hex.EncodeToString(sum[:6]))
	}
	in.UpdatedAt = at
	self := incident.SourceRef{ArticleID: a.ID, Doc: docName(a), Outlet: a.Outlet, Published: publishedDay(a.Published)}
	srcs := []incident.SourceRef{self}
	for _, s := range in.Sources {
		if s.ArticleID != "" && s.ArticleID != a.ID {
			srcs = append(srcs, s)
		}
	}
	in.Sources = srcs
}

// reportID names report n of an article; re-extraction keeps the IDs of
// the reports it matches and numbers new ones after the last.
func reportID(articleID string, n int) string {
	return fmt.Sprintf("%s:%d", articleID, n)
}

func insertReport(ctx context.Context, tx *wtx, id, clusterID string, in *incident.Incident) error {
	body, err := json.Marshal(in)
	if err != nil {
		return fmt.Errorf("encode report %s: %w", id, err)
	}
	lo, hi := window(in)
	_, err = tx.ExecContext(ctx, `INSERT INTO reports (id, article_id, cluster_id, origin_id, body, country_key, admin1_key, day_lo, day_hi)
		VALUES (?,?,?,?,?,?,?,?,?)`, id, in.ArticleID, clusterID, in.EventID, string(body), merge.CountryKey(in), merge.Admin1Key(in), lo, hi)
	if err != nil {
		return fmt.Errorf("insert report %s: %w", id, err)
	}
	return nil
}

// window is merge.Window as column values: NULL when the report can never
// merge (no date, or no place to compare), which keeps it out of the
// candidate index.
func window(in *incident.Incident) (lo, hi sql.NullInt64) {
	if l, h, ok := merge.Window(in); ok && merge.Mergeable(in) {
		return sql.NullInt64{Int64: int64(l), Valid: true}, sql.NullInt64{Int64: int64(h), Valid: true}
	}
	return lo, hi
}

// chooseCluster returns the live cluster a new report joins, or "" for a
// new one. An extractor's event ID naming a stored incident (or one merged
// into another) is taken as the caller saying "this is that event";
// otherwise the report is compared with the clusters that have a report in
// its country and region within its date window (joinable).
func (db *DB) chooseCluster(ctx context.Context, tx *wtx, in *incident.Incident, articleID string) (string, error) {
	if in.EventID != "" {
		id, err := liveID(ctx, tx, in.EventID)
		if err != nil {
			return "", err
		}
		if id != "" {
			mine, err := clusterHasArticle(ctx, tx, id, articleID)
			if err != nil || !mine {
				return id, err
			}
		}
	}
	ids, clusters, err := joinable(ctx, tx, in)
	if err != nil {
		return "", err
	}
	if best := merge.DefaultOptions().Join(in, clusters); best >= 0 {
		return ids[best], nil
	}
	return "", nil
}

// joinable returns, in ID order, the clusters a report may join, each
// with its merged incident: those with a live report in its block
// (candidateClusters) that pass merge.Probe.MayJoin on their sketch. Only
// these are decoded; any cluster merge.Join would accept is among them.
func joinable(ctx context.Context, tx *wtx, in *incident.Incident) ([]string, [][]incident.Incident, error) {
	lo, hi, ok := merge.Window(in)
	if !ok || !merge.Mergeable(in) {
		return nil, nil, nil
	}
	o := merge.DefaultOptions()
	cands, err := candidateClusters(ctx, tx, in, lo-o.LagDays, hi+o.LagDays)
	if err != nil || len(cands) == 0 {
		return nil, nil, err
	}
	probe := o.Probe(in)
	var ids []string
	var clusters [][]incident.Incident
	for _, c := range cands {
		if c.sketch.Valid && !probe.MayJoin(c.sketch.String) {
			continue
		}
		merged, err := clusterIncident(ctx, tx, c.id)
		if err != nil {
			return nil, nil, err
		}
		ids = append(ids, c.id)
		clusters = append(clusters, []incident.Incident{merged})
	}
	return ids, clusters, nil
}

// clusterIncident returns a cluster's merged incident as last written. It
// stands for the cluster when a new report is compared with it: it is what
// merge.Index's representative is (finest place and date, most common
// type, most specific actors, every article as a source), with the
// analyst's corrections, and one row to read however many reports the
// event has.
func clusterIncident(ctx context.Context, tx *wtx, id string) (incident.Incident, error) {
	var body string
	var in incident.Incident
	if err := tx.QueryRowContext(ctx, `SELECT body FROM clusters WHERE id = ?`, id).Scan(&body); err != nil {
		return in, fmt.Errorf("cluster %s: %w", id, err)
	}
	if err := json.Unmarshal([]byte(body), &in); err != nil {
		return in, fmt.Errorf("decode cluster %s: %w", id, err)
	}
	return in, nil
}

// liveID follows tombstones from id to the cluster that now holds it: id
// itself when live, "" when unknown or withdrawn.
func liveID(ctx context.Context, tx *wtx, id string) (string, error) {
	for range maxTombstoneHops {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM clusters WHERE id = ?`, id).Scan(&n); err != nil {
			return "", fmt.Errorf("look up cluster %s: %w", id, err)
		}
		if n > 0 {
			return id, nil
		}
		var into string
		err := tx.QueryRowContext(ctx, `SELECT merged_into FROM tombstones WHERE event_id = ?`, id).Scan(&into)
		if errors.Is(err, sql.ErrNoRows) || into == "" {
			return "", nil
		}
		if err != nil {
			return "", fmt.Errorf("look up tombstone %s: %w", id, err)
		}
		id = into
	}
	return "", nil
}

func clusterHasArticle(ctx context.Context, tx *wtx, clusterID, articleID string) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM reports WHERE cluster_id = ? AND article_id = ? AND withdrawn_at IS NULL`,
		clusterID, articleID).Scan(&n)
	return n > 0, err
}

// candidate is a cluster a new report may join, with its sketch (NULL
// when it has none yet, and then it is read whole).
type candidate struct {
	id     string
	sketch sql.NullString
}

// candidateSQL reads the block from the index reports_block alone, then
// one sketch row per cluster found.
const candidateSQL = `SELECT b.cluster_id, s.sketch
	FROM (SELECT DISTINCT cluster_id FROM reports
		WHERE country_key = ? AND admin1_key = ? AND day_lo BETWEEN ? AND ? AND day_hi >= ?
		AND withdrawn_at IS NULL AND day_lo IS NOT NULL) b
	LEFT JOIN cluster_sketches s ON s.id = b.cluster_id
	WHERE s.id IS NULL OR (s.day_lo <= ? AND s.day_hi >= ? AND (? = '' OR s.type_group IN ('', ?)))
	ORDER BY b.cluster_id`

// candidateClusters lists, in ID order, the clusters with a live report in
// in's country and first-level region whose date window overlaps [lo, hi]
// (windows are at most merge.MaxWindowDays long, so the index range on
// day_lo is bounded), less those whose merged incident's window misses
// [lo, hi] or whose type family differs from in's: merge.Join would turn
// them down on the date or type test alone.
func candidateClusters(ctx context.Context, tx *wtx, in *incident.Incident, lo, hi int) ([]candidate, error) {
	group := merge.TypeGroup(in)
	rows, err := tx.QueryContext(ctx, candidateSQL, merge.CountryKey(in), merge.Admin1Key(in), lo-merge.MaxWindowDays, hi, lo, hi, lo, group, group)
	if err != nil {
		return nil, fmt.Errorf("candidate clusters: %w", err)
	}
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var c candidate
		if err := rows.Scan(&c.id, &c.sketch); err != nil {
			return nil, fmt.Errorf("candidate clusters: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// writeSketch keeps a cluster's row in cluster_sketches in step with its
// body, the merged incident as stored. The sketch is made from the body
// decoded, not the incident it was encoded from, so that it says exactly
// what clusterIncident would read.
func writeSketch(ctx context.Context, tx *wtx, id, body string) error {
	var in incident.Incident
	if err := json.Unmarshal([]byte(body), &in); err != nil {
		return fmt.Errorf("sketch of %s: %w", id, err)
	}
	var lo, hi sql.NullInt64
	if l, h, ok := merge.Window(&in); ok {
		lo, hi = sql.NullInt64{Int64: int64(l), Valid: true}, sql.NullInt64{Int64: int64(h), Valid: true}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO cluster_sketches (id, day_lo, day_hi, type_group, sketch) VALUES (?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET day_lo = excluded.day_lo, day_hi = excluded.day_hi,
		type_group = excluded.type_group, sketch = excluded.sketch`,
		id, lo, hi, merge.TypeGroup(&in), merge.Sketch(&in))
	if err != nil {
		return fmt.Errorf("sketch of %s: %w", id, err)
	}
	return nil
}

// loadMembers returns a cluster's live reports in ingestion order.
func loadMembers(ctx context.Context, tx *wtx, clusterID string) ([]incident.Incident, error) {
	rows, err := tx.QueryContext(ctx, `SELECT body FROM reports WHERE cluster_id = ? AND withdrawn_at IS NULL ORDER BY seq`, clusterID)
	if err != nil {
		return nil, fmt.Errorf("members of %s: %w", clusterID, err)
	}
	defer rows.Close()
	var out []incident.Incident
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, err
		}
		var in incident.Incident
		if err := json.Unmarshal([]byte(body), &in); err != nil {
			return nil, fmt.Errorf("decode report of %s: %w", clusterID, err)
		}
		out = append(out, in)
	}
	return out, rows.Err()
}

// newCluster creates a cluster named want when that ID is free (a
// withdrawn incident's tombstone is lifted), else want with a suffix.
func newCluster(ctx context.Context, tx *wtx, want string, at time.Time) (string, error) {
	id := want
	for k := 2; ; k++ {
		var taken int
		var into sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM clusters WHERE id = ?),
			(SELECT merged_into FROM tombstones WHERE event_id = ?)`, id, id).Scan(&taken, &into)
		if err != nil {
			return "", fmt.Errorf("new cluster %s: %w", id, err)
		}
		if taken == 0 && (!into.Valid || into.String == "") {
			break
		}
		id = fmt.Sprintf("%s-%d", want, k)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM tombstones WHERE event_id = ?`, id); err != nil {
		return "", fmt.Errorf("lift tombstone %s: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO clusters (id, created_at) VALUES (?, ?)`, id, formatTime(at)); err != nil {
		return "", fmt.Errorf("new cluster %s: %w", id, err)
	}
	return id, nil
}
