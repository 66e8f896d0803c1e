package sqlite

import (
	"context"
	"fmt"

	"github.com/sitrep-org/sitrep/internal/dedup"
)

// resignBatch is how many articles one re-signing transaction covers.
const resignBatch = 1000

// resign signs every stored article again from its text and writes its
// band keys, when the store was signed with another dedup.Version (or, as
// after migration 00014, none). It runs at Open, before anything is saved:
// until it is done, a near-duplicate of an older article would go
// unnoticed. It is safe to interrupt: the mark is written last, so the
// next Open starts again, and it clears the band keys first, so keys of
// the old scheme never stay behind. backfill runs it through onceFor.
func (db *DB) resign(ctx context.Context) error {
	if _, err := db.w.ExecContext(ctx, `DELETE FROM article_bands`); err != nil {
		return err
	}
	var last int64
	total := 0
	for {
		n, next, err := db.resignPage(ctx, last)
		if err != nil {
			return fmt.Errorf("re-sign articles after seq %d: %w", last, err)
		}
		if n == 0 {
			break
		}
		last, total = next, total+n
	}
	if total > 0 {
		db.logger.Info("signed stored articles again for near-duplicate lookup", "articles", total, "version", dedup.Version)
	}
	return nil
}

// resignPage re-signs the articles after seq last, up to resignBatch of
// them in one transaction, and returns how many it did and the last seq.
func (db *DB) resignPage(ctx context.Context, last int64) (int, int64, error) {
	type row struct {
		seq int64
		p   simPrint
	}
	rows, err := db.r.QueryContext(ctx, `SELECT seq, text FROM articles WHERE seq > ? ORDER BY seq LIMIT ?`, last, resignBatch)
	if err != nil {
		return 0, 0, err
	}
	var page []row
	for rows.Next() {
		var r row
		var text string
		if err := rows.Scan(&r.seq, &text); err != nil {
			rows.Close()
			return 0, 0, err
		}
		r.p = fingerprint(text)
		page = append(page, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(page) == 0 {
		return 0, 0, err
	}
	err = db.inTx(ctx, func(tx *wtx) error {
		var bands []bandRow
		for _, r := range page {
			var blob []byte
			if len(r.p.sig) > 0 {
				blob = r.p.sig.Encode()
			}
			if _, err := tx.ExecContext(ctx, `UPDATE articles SET signature = ? WHERE seq = ?`, blob, r.seq); err != nil {
				return err
			}
			for _, k := range r.p.keys {
				bands = append(bands, bandRow{k, r.seq})
			}
		}
		return insertBands(ctx, tx, bands)
	})
	return len(page), page[len(page)-1].seq, err
}
