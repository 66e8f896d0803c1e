// Package sqlite is sitrep's default store: one SQLite file (modernc.org/sqlite,
// no cgo) in WAL mode with a single writer connection and a pool of readers,
// versioned by embedded goose migrations. It implements incident.Store.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"runtime"

	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/sitrep-org/sitrep/internal/incident"
)

//go:embed migrations/*.sql
var migrations embed.FS

var _ incident.Store = (*DB)(nil)

// DB is an open store. Writes go through one connection, so SQLite never
// sees two writers; reads use their own pool and run beside a write in WAL.
type DB struct {
	w      *sql.DB
	r      *sql.DB
	logger *slog.Logger
	// hook, when set (tests only), is called at named points inside
	// SaveArticle's transaction; an error it returns aborts the save.
	hook func(stage string) error
	// smallSet is the match count under which a bbox or text filter drives
	// the query (see hints); tests set 0 to exercise the other plan.
	smallSet int
	stmts    stmtCache
}

// Open opens (creating if needed) the store at path and applies pending
// migrations.
func Open(ctx context.Context, path string, logger *slog.Logger) (*DB, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if path == "" {
		return nil, fmt.Errorf("sqlite: open: empty path: %w", incident.ErrInvalid)
	}
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := w.PingContext(ctx); err != nil {
		_ = w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := migrate(ctx, w, logger); err != nil {
		_ = w.Close()
		return nil, fmt.Errorf("sqlite: migrate %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		_ = w.Close()
		return nil, fmt.Errorf("sqlite: open readers %s: %w", path, err)
	}
	n := max(2, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	db := &DB{w: w, r: r, logger: logger, smallSet: smallSet}
	if err := db.backfill(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return db, nil
}

// dsn builds the connection string: WAL, foreign keys, a busy timeout, and
// for the writer BEGIN IMMEDIATE so a write transaction takes the lock at
// once instead of failing on upgrade. The WAL is checkpointed every 4,096
// pages (16 MB) instead of 1,000: a batch rewrites many of the same index
// pages every commit, and each checkpoint copies them to the database
// file again.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "cache_size(-65536)")
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Add("_pragma", "mmap_size(268435456)")
	q.Add("_pragma", "wal_autocheckpoint(4096)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// migrate applies the embedded migrations in order, each in a transaction.
func migrate(ctx context.Context, db *sql.DB, logger *slog.Logger) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db, sub,
		goose.WithDisableGlobalRegistry(true), goose.WithSlog(logger))
	if err != nil {
		return err
	}
	res, err := p.Up(ctx)
	for _, r := range res {
		logger.Debug("migration applied", "version", r.Source.Version, "duration", r.Duration)
	}
	return err
}

// Close runs SQLite's optimizer (refreshing planner statistics) and closes
// both pools.
func (db *DB) Close() error {
	db.stmts.close()
	_, err := db.w.Exec("PRAGMA optimize")
	return errors.Join(err, db.r.Close(), db.w.Close())
}

// Optimize merges the full-text indexes into one segment each and
// refreshes the planner's statistics. Worth calling after a large import:
// at 1M incidents a common-word query took 140 ms on the segments one big
// import leaves and 16 ms after merging them (which took a second).
func (db *DB) Optimize(ctx context.Context) error {
	for _, q := range []string{
		"INSERT INTO articles_fts(articles_fts) VALUES ('optimize')",
		"INSERT INTO incidents_fts(incidents_fts) VALUES ('optimize')",
		"ANALYZE",
	} {
		if _, err := db.w.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("sqlite: optimize: %w", err)
		}
	}
	return nil
}

// inTx runs fn in a write transaction, committing when it returns nil.
func (db *DB) inTx(ctx context.Context, fn func(*wtx) error) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer db.stmts.preparePending(context.WithoutCancel(ctx), db.w)
	if err := fn(&wtx{tx: tx, db: db}); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

func (db *DB) step(stage string) error {
	if db.hook == nil {
		return nil
	}
	return db.hook(stage)
}
