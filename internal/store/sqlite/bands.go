package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/sitrep-org/sitrep/internal/dedup"
)

// simPrint is what the near-duplicate check needs of an article's text: its
// MinHash signature and the LSH band keys cut from it (dedup.BandKeys).
type simPrint struct {
	sig  dedup.Signature
	keys []int64
}

func fingerprint(text string) simPrint {
	sig := dedup.Sign(text)
	return simPrint{sig: sig, keys: dedup.BandKeys(sig)}
}

// bandRow is one row of article_bands.
type bandRow struct{ key, seq int64 }

// pendingBands holds the band keys of the articles a batch stored in its
// open transaction. Their rows go into article_bands when the batch
// commits, sorted, in a few statements (insertBands): inserted one article
// at a time, inside the article's savepoint, each of an article's keys
// landed on its own page of the index, which SQLite then copied into the
// savepoint's journal, and the batch's later articles looked the keys up
// here instead. Until the commit, nearest looks up the batch's own articles
// here, after the stored ones. The transaction holds the store's write
// lock, so no other writer can store an article the batch does not see.
type pendingBands struct {
	arts []pendingArticle
	// head maps a band key to 1 + the index in links of the last article
	// stored with it; each link points to the one before (0: none).
	head  map[int64]int32
	links []pendingLink
	buf   []bandRow // rows' result, reused
}

type pendingLink struct{ art, prev int32 }

type pendingArticle struct {
	id, dupOf string
	seq       int64
	p         simPrint
}

func (pb *pendingBands) add(seq int64, id, dupOf string, p simPrint) {
	if len(p.keys) == 0 {
		return
	}
	if pb.head == nil {
		pb.head = map[int64]int32{}
	}
	i := int32(len(pb.arts))
	pb.arts = append(pb.arts, pendingArticle{id: id, dupOf: dupOf, seq: seq, p: p})
	for _, k := range p.keys {
		pb.links = append(pb.links, pendingLink{art: i, prev: pb.head[k]})
		pb.head[k] = int32(len(pb.links))
	}
}

// candidates returns the pending articles sharing at least
// dedup.DefaultMinShared keys with keys, in the order they were stored.
func (pb *pendingBands) candidates(keys []int64) []*pendingArticle {
	var idx []int32
	for _, k := range keys {
		for e := pb.head[k]; e != 0; e = pb.links[e-1].prev {
			idx = append(idx, pb.links[e-1].art)
		}
	}
	if len(idx) == 0 {
		return nil
	}
	slices.Sort(idx)
	var out []*pendingArticle
	for len(idx) > 0 {
		n := 1
		for n < len(idx) && idx[n] == idx[0] {
			n++
		}
		if n >= dedup.DefaultMinShared {
			out = append(out, &pb.arts[idx[0]])
		}
		idx = idx[n:]
	}
	return out
}

// rows returns the pending articles' band rows, valid until the next call.
func (pb *pendingBands) rows() []bandRow {
	rows := pb.buf[:0]
	for _, a := range pb.arts {
		for _, k := range a.p.keys {
			rows = append(rows, bandRow{k, a.seq})
		}
	}
	pb.buf = rows
	return rows
}

// reset forgets the pending articles, keeping the memory for the next
// transaction's.
func (pb *pendingBands) reset() {
	clear(pb.arts)
	pb.arts, pb.links = pb.arts[:0], pb.links[:0]
	clear(pb.head)
}

// bandChunk is how many rows one band insert writes; a multiple of
// dedup.DefaultBands, so one article's rows need no padding.
const bandChunk = 8 * dedup.DefaultBands

// insertBands writes rows to article_bands in key order, bandChunk rows a
// statement, then dedup.DefaultBands rows a statement; a last short chunk
// is padded with copies of its last row, which OR IGNORE drops. So only
// two statement texts are ever used and both stay prepared.
func insertBands(ctx context.Context, tx *wtx, rows []bandRow) error {
	slices.SortFunc(rows, func(a, b bandRow) int {
		if a.key != b.key {
			return cmpInt(a.key, b.key)
		}
		return cmpInt(a.seq, b.seq)
	})
	args := make([]any, 0, 2*bandChunk)
	for len(rows) > 0 {
		n := dedup.DefaultBands
		if len(rows) >= bandChunk {
			n = bandChunk
		}
		args = args[:0]
		for i := range n {
			r := rows[min(i, len(rows)-1)]
			args = append(args, r.key, r.seq)
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO article_bands (band_key, article_seq) VALUES `+rowsOf(2, n), args...); err != nil {
			return fmt.Errorf("insert band keys: %w", err)
		}
		rows = rows[min(n, len(rows)):]
	}
	return nil
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// nearest finds the stored original most similar to p among the articles
// sharing dedup.DefaultMinShared LSH bands with it, stored ones first, then those pending in
// the open batch, and returns it when the estimated Jaccard reaches the
// threshold. A match that is itself a near-duplicate resolves to its own
// original, so links never chain.
func nearest(ctx context.Context, tx *wtx, p simPrint, pend *pendingBands) (string, float64, error) {
	if len(p.keys) == 0 {
		return "", 0, nil
	}
	seqs, err := sharedBands(ctx, tx, p.keys)
	if err != nil {
		return "", 0, err
	}
	var m match
	for _, seq := range seqs {
		var cid, cdup string
		var blob []byte
		err := tx.QueryRowContext(ctx, `SELECT id, coalesce(duplicate_of, ''), signature FROM articles WHERE seq = ?`, seq).Scan(&cid, &cdup, &blob)
		if errors.Is(err, sql.ErrNoRows) {
			continue // a key of an article no longer there costs nothing more
		}
		if err != nil {
			return "", 0, fmt.Errorf("candidate %d: %w", seq, err)
		}
		cs, err := dedup.Decode(blob)
		if err != nil {
			return "", 0, err
		}
		m.consider(p.sig, cid, cdup, cs)
	}
	if pend != nil {
		for _, c := range pend.candidates(p.keys) {
			m.consider(p.sig, c.id, c.dupOf, c.p.sig)
		}
	}
	return m.id, m.sim, nil
}

// sharedBands returns the stored articles sharing at least
// dedup.DefaultMinShared of keys, in seq order. The counting is done here:
// most lookups find no key at all, and one statement that only seeks is
// cheaper than SQLite's grouping and a join for them.
func sharedBands(ctx context.Context, tx *wtx, keys []int64) ([]int64, error) {
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	rows, err := tx.QueryContext(ctx, `SELECT article_seq FROM article_bands WHERE band_key IN (`+placeholders(len(keys))+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var seqs []int64
	for rows.Next() {
		var seq int64
		if err := rows.Scan(&seq); err != nil {
			return nil, err
		}
		seqs = append(seqs, seq)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.Sort(seqs)
	out := seqs[:0]
	for len(seqs) > 0 {
		n := 1
		for n < len(seqs) && seqs[n] == seqs[0] {
			n++
		}
		if n >= dedup.DefaultMinShared {
			out = append(out, seqs[0])
		}
		seqs = seqs[n:]
	}
	return out, nil
}

// match is the best original nearest has seen.
type match struct {
	id  string
	sim float64
}

func (m *match) consider(sig dedup.Signature, id, dupOf string, cs dedup.Signature) {
	sim := dedup.Similarity(sig, cs)
	if sim >= dedup.DefaultThreshold && (sim > m.sim || (sim == m.sim && dupOf == "")) {
		m.id, m.sim = id, sim
		if dupOf != "" {
			m.id = dupOf
		}
	}
}
