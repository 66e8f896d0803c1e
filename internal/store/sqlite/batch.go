package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// Batch sizes: a batch commits after this many articles or once its
// transaction has been open this long, whichever comes first. Committing
// costs a full-text segment flush, a WAL sync and a WAL write of every
// page the batch changed; the near-duplicate keys are random, so a batch
// of a few hundred articles already touches most pages of their index in
// a store of some thousands, and a bigger one shares those pages among
// more articles. Wait, not Size, bounds how long readers wait for an
// article and what a crash can lose, unless ingest is slower than Size
// articles per Wait (about 2,000 a second).
const (
	DefaultBatchSize = 1024
	DefaultBatchWait = 500 * time.Millisecond
)

// Batch saves many articles through shared write transactions, for bulk
// ingest. Each article is saved inside its own SAVEPOINT: an article that
// fails is rolled back to the savepoint and leaves nothing, and the batch
// goes on with the next. The transaction commits every Size articles or
// after Wait, on Commit, and on Close; the batch's articles' band keys and
// full-text index entries are written just before it commits, in a few
// statements for the whole batch.
//
// What a batch guarantees: an article is stored whole or not at all, as
// with DB.SaveArticle. What it gives up: a crash (or a failed commit) loses
// the articles saved since the last commit, up to one batch. Since saving
// the same text again changes nothing, re-running the ingest restores them.
// Readers do not see a batch's articles until it commits.
//
// While a batch holds its transaction it holds the store's one writer
// connection, so other writes on the same DB (SaveArticle, Reextract,
// Split...) wait for it: call Commit before making them. A Batch is not safe
// for concurrent use.
type Batch struct {
	db   *DB
	tx   *sql.Tx
	open time.Time
	n    int // articles saved in the open transaction
	// from is the seq of the first article row the open transaction
	// stored, 0 when none: its rows from there on are added to the
	// full-text index when it commits.
	from int64
	// pend holds the band keys of the open transaction's articles, written
	// when it commits (see pendingBands).
	pend pendingBands
	// Size and Wait bound the open transaction (see the constants).
	Size int
	Wait time.Duration
	// warm is set once a transaction has committed, so the statements it
	// used are prepared (see stmtCache); until then a batch commits after
	// its first article.
	warm bool
}

// Batch starts a batch. It takes no lock until its first article.
func (db *DB) Batch() *Batch {
	return &Batch{db: db, Size: DefaultBatchSize, Wait: DefaultBatchWait}
}

// SaveArticle is DB.SaveArticle inside the batch: a and its incidents are
// written under a savepoint of the batch's transaction, which commits when
// the batch is full or old enough. An error means nothing of a was stored;
// an error from that commit also means the batch's earlier articles were
// lost (it says so).
func (b *Batch) SaveArticle(ctx context.Context, a *article.Article, incidents []incident.Incident) (incident.SaveResult, error) {
	id, p, err := checkSave(a, incidents)
	if err != nil {
		return incident.SaveResult{}, err
	}
	if err := ctx.Err(); err != nil {
		return incident.SaveResult{}, fmt.Errorf("sqlite: save article %s: %w", id, err)
	}
	if err := b.begin(ctx); err != nil {
		return incident.SaveResult{}, fmt.Errorf("sqlite: save article %s: %w", id, err)
	}
	// The article's statements do not stop with ctx: an interrupted
	// statement may roll back the whole transaction, not just the
	// article's savepoint. Cancelling takes effect between articles.
	bg := context.WithoutCancel(ctx)
	saved := *a
	var seq int64
	res, err := b.savepoint(bg, func(tx *wtx) (incident.SaveResult, error) {
		var err error
		var res incident.SaveResult
		res, seq, err = b.db.saveTx(bg, tx, &saved, id, p, incidents, &b.pend)
		return res, err
	})
	if err != nil {
		return incident.SaveResult{}, fmt.Errorf("sqlite: save article %s: %w", id, err)
	}
	*a = saved
	b.n++
	if seq != 0 {
		b.pend.add(seq, id, saved.DuplicateOf, p)
		if b.from == 0 {
			b.from = seq
		}
	}
	if b.n >= b.Size || !b.warm || time.Since(b.open) >= b.Wait {
		if err := b.Commit(); err != nil {
			return incident.SaveResult{}, fmt.Errorf("sqlite: save article %s: %w", id, err)
		}
	}
	return res, nil
}

// begin opens the batch's transaction when none is open. It does not end
// with ctx: a cancelled ingest still commits what it saved.
func (b *Batch) begin(ctx context.Context) error {
	if b.tx != nil {
		return nil
	}
	tx, err := b.db.w.BeginTx(context.WithoutCancel(ctx), nil)
	if err != nil {
		return fmt.Errorf("begin batch: %w", err)
	}
	b.tx, b.open, b.n, b.from = tx, time.Now(), 0, 0
	b.pend.reset()
	return nil
}

// savepoint runs fn under a savepoint, rolling back to it when fn fails.
// The savepoint statements come from the statement cache like the rest.
func (b *Batch) savepoint(bg context.Context, fn func(*wtx) (incident.SaveResult, error)) (incident.SaveResult, error) {
	tx := &wtx{tx: b.tx, db: b.db}
	if _, err := tx.ExecContext(bg, "SAVEPOINT article"); err != nil {
		return incident.SaveResult{}, fmt.Errorf("savepoint: %w", err)
	}
	res, err := fn(tx)
	if err != nil {
		if _, rerr := tx.ExecContext(bg, "ROLLBACK TO article"); rerr != nil {
			// The transaction cannot be trusted to hold only whole
			// articles: drop all of it.
			return res, errors.Join(err, fmt.Errorf("rollback to savepoint: %w", rerr), b.abort())
		}
		_, _ = tx.ExecContext(bg, "RELEASE article")
		return res, err
	}
	if _, err := tx.ExecContext(bg, "RELEASE article"); err != nil {
		return res, errors.Join(fmt.Errorf("release savepoint: %w", err), b.abort())
	}
	return res, nil
}

// Commit commits the articles saved since the last commit. It is a no-op
// when there are none.
func (b *Batch) Commit() error {
	if b.tx == nil {
		return nil
	}
	tx, n, from := b.tx, b.n, b.from
	b.tx, b.n, b.from = nil, 0, 0
	ctx := context.Background()
	var err error
	if from > 0 {
		w := &wtx{tx: tx, db: b.db}
		err = insertBands(ctx, w, b.pend.rows())
		if err == nil {
			err = b.db.indexArticles(ctx, w, from)
		}
		if err != nil {
			_ = tx.Rollback()
		}
	}
	b.pend.reset()
	if err == nil {
		err = tx.Commit()
	}
	b.db.stmts.preparePending(ctx, b.db.w)
	if err != nil {
		return fmt.Errorf("commit batch of %d articles (they were not stored): %w", n, err)
	}
	b.warm = true
	return nil
}

// CommitIfDue commits when the open transaction has been open for Wait or
// longer. Callers that may pause between articles (fetching a URL) call it
// so a slow input does not hold the last articles back from readers.
func (b *Batch) CommitIfDue() error {
	if b.tx == nil || time.Since(b.open) < b.Wait {
		return nil
	}
	return b.Commit()
}

// abort rolls the open transaction back, losing its uncommitted articles.
func (b *Batch) abort() error {
	if b.tx == nil {
		return nil
	}
	tx := b.tx
	b.tx, b.n, b.from = nil, 0, 0
	b.pend.reset()
	if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("roll back batch: %w", err)
	}
	return nil
}

// Close commits what is pending. The batch can be used again afterwards.
func (b *Batch) Close() error {
	if err := b.Commit(); err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	return nil
}
