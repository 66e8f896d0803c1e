package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

const articleCols = `a.seq, a.id, a.source, a.url, a.outlet, a.outlet_from, a.title, a.published_time,
	a.published_precision, a.published_from, a.published_ev_start, a.published_ev_end, a.published_note,
	a.text, a.format, a.encoding, coalesce(a.duplicate_of, ''), a.similarity, a.ingested_at`

// minPrefix is the shortest ID prefix Article accepts.
const minPrefix = 4

// Article returns one article with its cleaning record (Lines), by full ID
// or by a unique prefix of at least four hex digits, as git accepts
// abbreviated hashes. An ambiguous prefix is ErrInvalid.
func (db *DB) Article(ctx context.Context, id string) (article.Article, error) {
	id = strings.ToLower(strings.TrimSpace(id))
	if len(id) < minPrefix || strings.Trim(id, "0123456789abcdef") != "" {
		return article.Article{}, fmt.Errorf("sqlite: article %q: not a hash or prefix of %d+ hex digits: %w", id, minPrefix, incident.ErrInvalid)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT `+articleCols+`, a.lines FROM articles a WHERE a.id >= ? AND a.id < ? ORDER BY a.id LIMIT 2`,
		id, id+"g")
	if err != nil {
		return article.Article{}, fmt.Errorf("sqlite: article %s: %w", id, err)
	}
	defer rows.Close()
	var found []article.Article
	var lines []byte
	for rows.Next() {
		a, _, err := scanArticle(rows, &lines)
		if err != nil {
			return article.Article{}, fmt.Errorf("sqlite: article %s: %w", id, err)
		}
		found = append(found, a)
	}
	if err := rows.Err(); err != nil {
		return article.Article{}, fmt.Errorf("sqlite: article %s: %w", id, err)
	}
	switch len(found) {
	case 0:
		return article.Article{}, fmt.Errorf("sqlite: article %s: %w", id, incident.ErrNotFound)
	case 2:
		return article.Article{}, fmt.Errorf("sqlite: article prefix %s is ambiguous: %w", id, incident.ErrInvalid)
	}
	a := found[0]
	a.Lines, err = decodeLines(a.Text, lines)
	if err != nil {
		return article.Article{}, fmt.Errorf("sqlite: article %s: %w", id, err)
	}
	return a, nil
}

// Articles lists articles in ingest order, or with q.Text those matching
// the full-text query, best match first. Listed articles carry their text
// but not their cleaning record; Article returns that.
func (db *DB) Articles(ctx context.Context, q incident.ArticleQuery) ([]article.Article, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	var rows *sql.Rows
	var err error
	if strings.TrimSpace(q.Text) == "" {
		rows, err = db.r.QueryContext(ctx, `SELECT `+articleCols+` FROM articles a ORDER BY a.seq LIMIT ? OFFSET ?`,
			limit, max(q.Offset, 0))
	} else {
		fq := ftsQuery(q.Text)
		if fq == "" {
			return nil, nil
		}
		rows, err = db.r.QueryContext(ctx, `SELECT `+articleCols+` FROM articles_fts f JOIN articles a ON a.seq = f.rowid
			WHERE articles_fts MATCH ? ORDER BY f.rank LIMIT ? OFFSET ?`, fq, limit, max(q.Offset, 0))
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles: %w", err)
	}
	defer rows.Close()
	var out []article.Article
	for rows.Next() {
		a, _, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: articles: %w", err)
	}
	return out, nil
}

// scanArticle reads the articleCols of a row, then any extra columns into
// extra.
func scanArticle(rows *sql.Rows, extra ...any) (article.Article, int64, error) {
	var a article.Article
	var seq int64
	var pub, ingested string
	var prec int
	var evStart, evEnd sql.NullInt64
	dest := append([]any{&seq, &a.ID, &a.Source, &a.URL, &a.Outlet, &a.OutletFrom, &a.Title, &pub,
		&prec, &a.Published.From, &evStart, &evEnd, &a.Published.Note,
		&a.Text, &a.Format, &a.Encoding, &a.DuplicateOf, &a.Similarity, &ingested}, extra...)
	err := rows.Scan(dest...)
	if err != nil {
		return a, 0, err
	}
	a.Published.Time = parseTime(pub)
	a.Published.Precision = article.DatePrecision(prec)
	if evStart.Valid && evEnd.Valid {
		a.Published.Evidence = &article.Span{Start: int(evStart.Int64), End: int(evEnd.Int64)}
	}
	a.IngestedAt = parseTime(ingested)
	return a, seq, nil
}

// ftsQuery turns free text into a safe FTS5 query: every word becomes a
// quoted term (so hyphens, quotes and operators in names cannot break the
// syntax), terms are ANDed, a trailing * keeps prefix search, and a bare
// OR between words is kept as OR.
func ftsQuery(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return ' ' // control bytes and broken UTF-8 break FTS5's parser
		}
		return r
	}, strings.ToValidUTF8(s, " "))
	var terms []string
	for _, w := range strings.Fields(s) {
		if isOp(w) {
			if len(terms) > 0 && !isOp(terms[len(terms)-1]) {
				terms = append(terms, w)
			}
			continue
		}
		prefix := strings.HasSuffix(w, "*")
		w = strings.Trim(w, `*"`)
		if w == "" {
			continue
		}
		t := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		if prefix {
			t += "*"
		}
		terms = append(terms, t)
	}
	if len(terms) > 0 && isOp(terms[len(terms)-1]) {
		terms = terms[:len(terms)-1]
	}
	return strings.Join(terms, " ")
}

func isOp(w string) bool { return w == "OR" || w == "AND" || w == "NOT" }
