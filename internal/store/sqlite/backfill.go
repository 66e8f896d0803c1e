package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/sitrep-org/sitrep/internal/dedup"
	"github.com/sitrep-org/sitrep/internal/merge"
)

// backfillBatch is how many incidents one backfill transaction adopts.
const backfillBatch = 2000

// backfill adopts incidents stored before merging at ingest existed
// (migration 00008): each becomes a cluster under its own ID with itself
// as its one report, so later reports can join it and it has a history;
// then it writes cluster sketches and band keys when their scheme changed.
// It runs at Open; marks in store_meta say what is done.
func (db *DB) backfill(ctx context.Context) error {
	if err := db.onceFor(ctx, "adopted", "1", db.adopt); err != nil {
		return fmt.Errorf("backfill adopt: %w", err)
	}
	if err := db.onceFor(ctx, "sketched", merge.SketchVersion, db.sketchAll); err != nil {
		return fmt.Errorf("backfill sketches: %w", err)
	}
	if err := db.onceFor(ctx, "signed", dedup.Version, db.resign); err != nil {
		return fmt.Errorf("re-sign articles: %w", err)
	}
	return nil
}

// onceFor runs work unless store_meta's key already holds version, then
// sets it: the mark is written last, so work interrupted half-way runs
// again at the next Open.
func (db *DB) onceFor(ctx context.Context, key, version string, work func(context.Context) error) error {
	var done string
	if err := db.w.QueryRowContext(ctx, `SELECT value FROM store_meta WHERE key = ?`, key).Scan(&done); err != nil {
		return err
	}
	if done == version {
		return nil
	}
	if err := work(ctx); err != nil {
		return err
	}
	_, err := db.w.ExecContext(ctx, `UPDATE store_meta SET value = ? WHERE key = ?`, version, key)
	return err
}

// sketchAll writes every cluster's row in cluster_sketches (migration
// 00012) from its stored body, in batches of clusters in creation order.
// It runs once for a store from before sketches, and again whenever
// merge.SketchVersion changes (store_meta 'sketched' holds the version
// last used). Until it has run, ingest reads unsketched clusters whole
// and takes sketches of another version as "may join", so it is only a
// matter of speed.
func (db *DB) sketchAll(ctx context.Context) error {
	type row struct {
		seq      int64
		id, body string
	}
	var last int64
	total := 0
	for {
		rows, err := db.r.QueryContext(ctx, `SELECT seq, id, body FROM clusters WHERE seq > ? ORDER BY seq LIMIT ?`, last, backfillBatch)
		if err != nil {
			return err
		}
		var page []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.seq, &r.id, &r.body); err != nil {
				rows.Close()
				return err
			}
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(page) == 0 {
			if total > 0 {
				db.logger.Info("sketched stored clusters for candidate lookup", "clusters", total)
			}
			return nil
		}
		err = db.inTx(ctx, func(tx *wtx) error {
			for _, r := range page {
				if r.body == "" {
					continue // never merged: it has no incident to compare
				}
				if err := writeSketch(ctx, tx, r.id, r.body); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		last = page[len(page)-1].seq
		total += len(page)
	}
}

// adopt gives every incident without a cluster one, in batches.
func (db *DB) adopt(ctx context.Context) error {
	at := time.Now().UTC().Truncate(time.Millisecond)
	for {
		rows, err := db.r.QueryContext(ctx, selectIncident+` FROM incidents i
			WHERE NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = i.event_id) ORDER BY i.id LIMIT ?`, backfillBatch)
		if err != nil {
			return err
		}
		page, err := db.collect(ctx, rows, backfillBatch)
		if err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		err = db.inTx(ctx, func(tx *wtx) error {
			for i := range page {
				in := page[i].in
				body, err := json.Marshal(in)
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO clusters (id, body, created_at) VALUES (?, '', ?)`,
					in.EventID, formatTime(in.UpdatedAt)); err != nil {
					return fmt.Errorf("cluster %s: %w", in.EventID, err)
				}
				lo, hi := window(&in)
				if _, err := tx.ExecContext(ctx, `INSERT INTO reports (id, article_id, cluster_id, origin_id, body, country_key, admin1_key, day_lo, day_hi)
					VALUES (?,?,?,?,?,?,?,?,?)`, in.ArticleID+":adopted:"+in.EventID, in.ArticleID, in.EventID, in.EventID,
					string(body), merge.CountryKey(&in), merge.Admin1Key(&in), lo, hi); err != nil {
					return fmt.Errorf("report %s: %w", in.EventID, err)
				}
				if _, err := db.recompute(ctx, tx, in.EventID, change{why: "adopted from a store without history", at: at}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		db.logger.Info("adopted stored incidents into merge clusters", "incidents", len(page))
	}
}
