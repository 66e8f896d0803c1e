package extract

import "strings"

// segments splits a sentence where it reports events at different places
// or dates ("an attack in Raqqa on Oct. 9, and a bombing in Karbala").
func (d *doc) segments(s sentence, ev EventResult) [][2]int {
	bounds := d.strongBounds(s.start, s.end)
	if len(bounds) == 0 {
		return d.wholeSentence(s)
	}
	cuts := append([]int{s.start}, bounds...)
	cuts = append(cuts, s.end)
	var evSegs [][2]int
	for i := 0; i+1 < len(cuts); i++ {
		if cueIn(ev, cuts[i], cuts[i+1]) || d.describesEvent(cuts[i], cuts[i+1]) {
			evSegs = append(evSegs, [2]int{cuts[i], cuts[i+1]})
		}
	}
	if len(evSegs) < 2 || !d.distinctAnchors(evSegs) {
		return d.wholeSentence(s)
	}
	evSegs[0][0] = s.start
	for i := range evSegs {
		if i+1 < len(evSegs) {
			evSegs[i][1] = evSegs[i+1][0]
		} else {
			evSegs[i][1] = s.end
		}
	}
	return evSegs
}

// wholeSentence is segments' answer for a sentence that stays whole, in a
// buffer the doc reuses: valid until the next call.
func (d *doc) wholeSentence(s sentence) [][2]int {
	d.segBuf = append(d.segBuf[:0], [2]int{s.start, s.end})
	return d.segBuf
}

// describesEvent reports whether a clause read alone has an ACLED type:
// a classifier reading the whole sentence may let one event's type hide
// the other's.
func (d *doc) describesEvent(start, end int) bool {
	ranked, _ := d.rankLive(start, end)
	return len(ranked) > 0
}

// strongBounds are the offsets where a coordinated clause starts: after
// ", and", ";" or ", while".
func (d *doc) strongBounds(start, end int) []int {
	var out []int
	t := d.text[start:end]
	for _, sep := range []string{", and ", "; ", ", while ", ", but "} {
		for i := 0; ; {
			k := strings.Index(t[i:], sep)
			if k < 0 {
				break
			}
			out = append(out, start+i+k+1)
			i += k + len(sep)
		}
	}
	sortInts(out)
	return out
}

func cueIn(ev EventResult, start, end int) bool {
	for _, c := range ev.Cues {
		if c.Weight > 0 && c.Start >= start && c.End <= end {
			return true
		}
	}
	return false
}

// distinctAnchors reports whether at least two segments name different
// places: other regions, or other towns.
func (d *doc) distinctAnchors(segs [][2]int) bool {
	var keys []string
	for _, sg := range segs {
		ps := d.placesIn(sg[0], sg[1])
		if len(ps) == 0 {
			continue
		}
		best := d.bestEventPlace(ps)
		key := best.Place.CountryCode + "/" + best.Place.Admin1
		if placeRank(best.Place) >= 3 {
			key += "/" + best.Place.Name
		}
		keys = append(keys, key)
	}
	for i := 1; i < len(keys); i++ {
		if keys[i] != keys[0] {
			return true
		}
	}
	return false
}

func sortInts(xs []int) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// shiftEvent moves a classifier result's cue offsets from the classified
// text to the article, dropping cues outside it.
func shiftEvent(ev EventResult, base, end int) EventResult {
	ev.Cues = append([]Cue(nil), ev.Cues...)
	return shiftOwnEvent(ev, base, end)
}

// shiftOwnEvent is shiftEvent for a result whose cue slice is the
// caller's own: the cues are shifted and filtered in place.
func shiftOwnEvent(ev EventResult, base, end int) EventResult {
	cues := ev.Cues[:0]
	for _, c := range ev.Cues {
		c.Start += base
		c.End += base
		if c.Start >= base && c.Start <= c.End && c.End <= end {
			cues = append(cues, c)
		}
	}
	ev.Cues = cues
	return ev
}

// shiftCounts moves casualty offsets from the sentence to the article.
func shiftCounts(cs []CountMention, base, end int) []CountMention {
	out := cs[:0:0]
	for _, c := range cs {
		c.Start += base
		c.End += base
		if c.Who != "" {
			c.WhoStart += base
			c.WhoEnd += base
		}
		if c.Start < base || c.Start >= c.End || c.End > end || c.N < 0 {
			continue
		}
		if c.Who != "" && (c.WhoStart < base || c.WhoStart > c.WhoEnd || c.WhoEnd > end) {
			c.Who, c.WhoStart, c.WhoEnd = "", 0, 0
		}
		out = append(out, c)
	}
	return out
}
