package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps the writer's prepared statements. Compiling the incident
// upsert with its triggers cost more than running it. A statement cannot be
// prepared on the writer while a transaction holds its one connection, so a
// statement seen for the first time runs unprepared and is prepared after
// that transaction ends; later transactions reuse it.
type stmtCache struct {
	mu      sync.Mutex
	m       map[string]*sql.Stmt
	pending map[string]bool
}

func (c *stmtCache) lookup(q string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	st, ok := c.m[q]
	if !ok {
		if c.pending == nil {
			c.pending = map[string]bool{}
		}
		c.pending[q] = true
	}
	return st
}

// preparePending prepares the statements first seen since the last call.
// It must run with no transaction open on db.
func (c *stmtCache) preparePending(ctx context.Context, db *sql.DB) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for q := range c.pending {
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			continue // it will keep running unprepared, and fail where it runs
		}
		if c.m == nil {
			c.m = map[string]*sql.Stmt{}
		}
		c.m[q] = st
	}
	c.pending = nil
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		_ = st.Close()
	}
	c.m, c.pending = nil, nil
}

// wtx is a write transaction whose statements come from the cache. Its
// methods mirror sql.Tx's so the write helpers read as plain SQL calls.
type wtx struct {
	tx *sql.Tx
	db *DB
}

func (w *wtx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if st := w.db.stmts.lookup(q); st != nil {
		return w.tx.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	return w.tx.ExecContext(ctx, q, args...)
}

func (w *wtx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := w.db.stmts.lookup(q); st != nil {
		return w.tx.StmtContext(ctx, st).QueryContext(ctx, args...)
	}
	return w.tx.QueryContext(ctx, q, args...)
}

func (w *wtx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if st := w.db.stmts.lookup(q); st != nil {
		return w.tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
	}
	return w.tx.QueryRowContext(ctx, q, args...)
}
