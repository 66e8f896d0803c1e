package gazetteer

// scanScratch is the working memory of one scan: the text's tokens, the
// spans found in it and the look-ups made. Find takes one from the
// Gazetteer's pool and gives it back when
// it returns, so that a stream of documents does not allocate (and the
// collector does not sweep) these buffers once per document.
type scanScratch struct {
	toks    []token
	brk     []bool
	spans   []span
	hits    map[string]surfaceHit // look-ups by spelling (see lookupSurface)
	opens   map[string]bool       // prefix tests by spelling (see surfaceMayOpen)
	spelled map[string][]uint8    // spelling flags by spelling (see scan)
}

// maxPooledTokens bounds the buffers kept for reuse: one very long document
// should not pin its token slice in memory for the documents after it.
const maxPooledTokens = 1 << 15

// maxPooledSpellings bounds the look-up memos kept for reuse likewise.
const maxPooledSpellings = 1 << 12

// getScratch takes a scratch from g's pool, or makes one.
func (g *Gazetteer) getScratch() *scanScratch {
	if sc, ok := g.scratch.Get().(*scanScratch); ok {
		return sc
	}
	return new(scanScratch)
}

// putScratch returns sc to the pool; nothing may refer to its slices after.
func (g *Gazetteer) putScratch(sc *scanScratch) {
	if cap(sc.toks) > maxPooledTokens {
		return
	}
	clear(sc.spans) // drop the references to the document's candidates
	if len(sc.hits) > maxPooledSpellings {
		sc.hits, sc.opens, sc.spelled = nil, nil, nil // a map keeps its size when cleared
	}
	clear(sc.hits)
	clear(sc.opens)
	clear(sc.spelled)
	g.scratch.Put(sc)
}
