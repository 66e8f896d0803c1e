package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/dedup"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// SaveArticle stores a and its incidents in one transaction. The article is
// keyed by the hash of its clean text: saving the same text again changes
// nothing. A near-duplicate of a stored article (estimated Jaccard at or
// above dedup.DefaultThreshold) is stored and linked to the original, and
// its incidents are not stored as new ones; the article is added as a
// source of the original's incidents instead, so nothing is counted twice.
// Each incident is kept as a report and merged with the stored reports of
// other articles that tell of the same event (see cluster.go), so the
// incidents table holds one merged incident per event.
// SaveArticle sets a.ID, a.DuplicateOf, a.Similarity and a.IngestedAt.
func (db *DB) SaveArticle(ctx context.Context, a *article.Article, incidents []incident.Incident) (incident.SaveResult, error) {
	id, p, err := checkSave(a, incidents)
	if err != nil {
		return incident.SaveResult{}, err
	}
	res := incident.SaveResult{ArticleID: id}
	err = db.inTx(ctx, func(tx *wtx) error {
		var seq int64
		var err error
		res, seq, err = db.saveTx(ctx, tx, a, id, p, incidents, nil)
		if err != nil || seq == 0 {
			return err
		}
		rows := make([]bandRow, len(p.keys))
		for i, k := range p.keys {
			rows[i] = bandRow{k, seq}
		}
		if err := insertBands(ctx, tx, rows); err != nil {
			return err
		}
		return db.indexArticles(ctx, tx, seq)
	})
	if err != nil {
		return incident.SaveResult{}, fmt.Errorf("sqlite: save article %s: %w", id, err)
	}
	return res, nil
}

// checkSave validates what SaveArticle is given, before any transaction,
// and returns the article's content hash and its near-duplicate print.
func checkSave(a *article.Article, incidents []incident.Incident) (string, simPrint, error) {
	if a == nil || strings.TrimSpace(a.Text) == "" {
		return "", simPrint{}, fmt.Errorf("sqlite: save article: empty text: %w", incident.ErrInvalid)
	}
	id := article.Hash(a.Text)
	if a.ID != "" && a.ID != id {
		return "", simPrint{}, fmt.Errorf("sqlite: save article %s: id is not the content hash %s: %w", a.ID, id, incident.ErrInvalid)
	}
	if err := validateIncidents(incidents); err != nil {
		return "", simPrint{}, fmt.Errorf("sqlite: save article %s: %w", id, err)
	}
	return id, fingerprint(a.Text), nil
}

// saveTx is SaveArticle inside its transaction. It returns the new row's
// seq, or 0 when the text was stored already; the caller writes the new
// row's band keys (insertBands) and adds it to the full-text index
// (indexArticles) before it commits. pend holds the articles of the open
// batch whose band keys are not written yet (nil outside a batch).
func (db *DB) saveTx(ctx context.Context, tx *wtx, a *article.Article, id string, p simPrint, incidents []incident.Incident, pend *pendingBands) (incident.SaveResult, int64, error) {
	var dupOf sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT duplicate_of FROM articles WHERE id = ?`, id).Scan(&dupOf)
	if err == nil {
		a.ID, a.DuplicateOf = id, dupOf.String
		return incident.SaveResult{ArticleID: id, DuplicateOf: dupOf.String}, 0, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return incident.SaveResult{}, 0, err
	}
	orig, sim, err := nearest(ctx, tx, p, pend)
	if err != nil {
		return incident.SaveResult{}, 0, fmt.Errorf("near-duplicate lookup: %w", err)
	}
	a.ID, a.DuplicateOf, a.Similarity = id, orig, sim
	if a.IngestedAt.IsZero() {
		a.IngestedAt = time.Now().UTC().Truncate(time.Millisecond)
	}
	seq, err := insertArticle(ctx, tx, a, p.sig)
	if err != nil {
		return incident.SaveResult{}, 0, err
	}
	if err := db.step("article"); err != nil {
		return incident.SaveResult{}, 0, err
	}
	res := incident.SaveResult{ArticleID: id, Created: true, DuplicateOf: orig}
	if orig != "" {
		db.logger.Debug("near-duplicate", "article_id", id, "duplicate_of", orig, "similarity", sim)
		return res, seq, addSourceToOriginal(ctx, tx, a, orig)
	}
	now := time.Now().UTC().Truncate(time.Millisecond)
	for i := range incidents {
		in := incidents[i]
		if err := db.saveReport(ctx, tx, a, i, &in, now); err != nil {
			return incident.SaveResult{}, 0, err
		}
		if err := db.step("incident"); err != nil {
			return incident.SaveResult{}, 0, err
		}
	}
	res.Incidents = len(incidents)
	return res, seq, nil
}

// validateIncidents rejects what the schema would: spans that end before
// they start or start before the text.
func validateIncidents(ins []incident.Incident) error {
	for i, in := range ins {
		for _, e := range in.Evidence {
			if e.Start < 0 || e.End < e.Start {
				return fmt.Errorf("incident %d (%s): evidence %s span [%d,%d): %w", i, in.EventID, e.Field, e.Start, e.End, incident.ErrInvalid)
			}
		}
	}
	return nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// insertArticle writes the article row, with its lines and signature.
func insertArticle(ctx context.Context, tx *wtx, a *article.Article, sig dedup.Signature) (int64, error) {
	p := a.Published
	var evStart, evEnd sql.NullInt64
	if p.Evidence != nil {
		evStart = sql.NullInt64{Int64: int64(p.Evidence.Start), Valid: true}
		evEnd = sql.NullInt64{Int64: int64(p.Evidence.End), Valid: true}
	}
	var dup sql.NullString
	if a.DuplicateOf != "" {
		dup = sql.NullString{String: a.DuplicateOf, Valid: true}
	}
	var blob []byte
	if len(sig) > 0 {
		blob = sig.Encode()
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO articles (id, source, url, outlet, outlet_from, title,
		published_time, published_precision, published_from, published_ev_start, published_ev_end, published_note,
		text, format, encoding, duplicate_of, similarity, ingested_at, signature, lines)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		a.ID, a.Source, a.URL, a.Outlet, a.OutletFrom, a.Title,
		formatTime(p.Time), int(p.Precision), p.From, evStart, evEnd, p.Note,
		a.Text, a.Format, a.Encoding, dup, a.Similarity, formatTime(a.IngestedAt), blob, encodeLines(a.Text, a.Lines))
	if err != nil {
		return 0, fmt.Errorf("insert article: %w", err)
	}
	return r.LastInsertId()
}

// indexArticles adds the articles stored in this transaction from seq on
// to the full-text index, in one statement. Articles are never deleted and
// SQLite gives a new row the next seq, so the rows from the first seq a
// transaction stored on are exactly its new ones. It runs last, outside
// any savepoint: FTS5 flushes its pending terms at every savepoint, so
// indexing each article as it is stored wrote several small segments per
// article.
func (db *DB) indexArticles(ctx context.Context, tx *wtx, from int64) error {
	if err := db.step("index"); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, text)
		SELECT seq, title, text FROM articles WHERE seq >= ?`, from); err != nil {
		return fmt.Errorf("full-text index articles from %d: %w", from, err)
	}
	return nil
}

// rowsOf is the VALUES list of n rows of width placeholders: "(?,?),(?,?)".
func rowsOf(width, n int) string {
	row := "(" + placeholders(width) + ")"
	return strings.TrimSuffix(strings.Repeat(row+",", n), ",")
}

// addSourceToOriginal records a near-duplicate as one more source of the
// incidents its original reported.
func addSourceToOriginal(ctx context.Context, tx *wtx, a *article.Article, orig string) error {
	_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO incident_sources (incident_id, article_id, doc, outlet, published)
		SELECT incident_id, ?, ?, ?, ? FROM incident_sources WHERE article_id = ?`,
		a.ID, docName(a), a.Outlet, publishedDay(a.Published), orig)
	if err != nil {
		return fmt.Errorf("link near-duplicate sources: %w", err)
	}
	return nil
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano) // keeps the zone: a publication day must not shift
}

func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func publishedDay(p article.Published) string {
	if !p.Known() {
		return ""
	}
	return p.Time.Format(time.DateOnly)
}
