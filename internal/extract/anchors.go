package extract

// historyAt reports whether the date nearest the frame's cue is background.
func (d *doc) historyAt(f *frame) bool {
	best, dist := -1, 1<<30
	for i, m := range d.datesIn(f.start, f.end) {
		dd := m.Start - f.cue.End
		if dd < 0 {
			dd = f.cue.Start - m.End
		}
		if dd < 0 {
			dd = 0
		}
		if dd < dist {
			best, dist = i, dd
		}
	}
	if best < 0 {
		return false
	}
	ds := d.datesIn(f.start, f.end)
	if !d.historical(ds[best]) {
		return false
	}
	for _, m := range ds {
		if m.Precision == 1 && d.anchors(m) && !d.reportDate(m, f.start) {
			return false // "years after ... in 2017, gunmen shot two men on Wednesday"
		}
	}
	return true
}

// timeAnchor reports a date or a past-time word that ties the frame to the
// news: its own, or one earlier in the same paragraph.
func (d *doc) timeAnchor(f *frame) bool {
	s := d.sents[f.sent]
	if d.hasHit(catVague, s.start, s.end) {
		return true
	}
	for _, m := range d.datesIn(f.start, f.end) {
		if d.anchors(m) {
			return true
		}
	}
	_, ok := d.inheritedDate(f.sent)
	return ok
}

// anchors reports whether a date can anchor an event: not background, and
// precise enough when the publication date is unknown.
func (d *doc) anchors(m DateMention) bool {
	if d.historical(m) || d.sinceDate(m) {
		return false
	}
	return !d.pub.IsZero() || (m.Precision >= 1 && m.Precision <= 2)
}

// sinceDate reports a date that opens a period ("since May"): background.
func (d *doc) sinceDate(m DateMention) bool {
	i, _ := d.wordsIn(m.Start, m.Start+1)
	return i > 0 && d.words[i-1].lower == "since" || hasLowerPrefix(m.Text, "since ")
}

// inheritedDate is the last anchoring date of the earlier sentences of the
// same paragraph.
func (d *doc) inheritedDate(si int) (DateMention, bool) {
	s := d.sents[si]
	for k := si - 1; k >= 0 && k >= si-inheritSentences && d.sents[k].para == s.para; k-- {
		ds := d.datesIn(d.sents[k].start, d.sents[k].end)
		for i := len(ds) - 1; i >= 0; i-- {
			if d.anchors(ds[i]) {
				return ds[i], true
			}
		}
	}
	return DateMention{}, false
}

// inheritedPlace reports a place in the earlier sentences of the same
// paragraph.
func (d *doc) inheritedPlace(si int) bool {
	s := d.sents[si]
	for k := si - 1; k >= 0 && k >= si-inheritSentences && d.sents[k].para == s.para; k-- {
		if len(d.placesIn(d.sents[k].start, d.sents[k].end)) > 0 {
			return true
		}
	}
	return false
}
