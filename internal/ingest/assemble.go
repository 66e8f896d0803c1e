package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-org/sitrep/internal/article"
)

// wireDateSuffix ends a news-photo caption: "..., in Mosul, June 12, 2014."
var wireDateSuffix = regexp.MustCompile(`(?i),\s*(?:` + monthNames + `)\.?\s+\d{1,2},?\s+\d{4}\.?$|,\s*\d{1,2}\s+(?:` + monthNames + `)\.?\s+\d{4}\.?$`)

// markCaptions marks the lines around a dropped photo credit: a short label
// just before it and a caption just after it. A paragraph after a credit is
// a caption only when it reads like one (it ends with the photo's date) or
// when furniture, not more prose, follows it.
func (c *cleaner) markCaptions() {
	for i, l := range c.lines {
		if l.Reason != "photo-credit" {
			continue
		}
		if j := c.neighbour(i, -1); j >= 0 && c.lines[j].Kind == article.KindBody {
			s := c.norm[j]
			if utf8.RuneCountInString(s) <= 100 && !sentenceEnds(s+" ", 1) || wireDateSuffix.MatchString(s) {
				c.set(j, article.KindCaption, "next-to-photo-credit")
			}
		}
		if j := c.neighbour(i, +1); j >= 0 && c.lines[j].Kind == article.KindBody {
			s := c.norm[j]
			next := c.neighbour(j, +1)
			furnitureNext := next < 0 || c.lines[next].Kind == article.KindDropped
			if len(s) <= 400 && (wireDateSuffix.MatchString(s) || furnitureNext && !sentenceEnds(s, 2)) {
				c.set(j, article.KindCaption, "next-to-photo-credit")
			}
		}
	}
}

// fixMasthead handles a page that opens with the site's name: a title of
// three words or fewer followed, still in the header, by a longer
// headline-like line. The short line is the masthead and is dropped; the
// longer one becomes the title.
func (c *cleaner) fixMasthead() {
	t := -1
	for i, l := range c.lines {
		if l.Kind == article.KindTitle {
			t = i
			break
		}
	}
	if t < 0 || c.lines[t].Reason != "first-heading" || countFieldsUpTo(c.kept[t], 4) > 3 {
		return
	}
	for j := t + 1; j < len(c.lines); j++ {
		l := c.lines[j]
		if l.Kind == article.KindDropped || l.Kind == article.KindDateline || l.Kind == article.KindByline {
			continue
		}
		if l.Kind == article.KindBody && titleLike(c.norm[j]) && countFieldsUpTo(c.norm[j], 5) >= 5 && !bodyLike(c.norm[j]) {
			c.set(t, article.KindDropped, "masthead")
			c.kept[j] = trimTitleSeparators(c.norm[j])
			c.set(j, article.KindTitle, "first-heading")
		}
		return
	}
}

// neighbour returns the nearest non-blank line from i in direction dir, or -1.
func (c *cleaner) neighbour(i, dir int) int {
	for j := i + dir; j >= 0 && j < len(c.lines); j += dir {
		if c.lines[j].Reason != "blank" {
			return j
		}
	}
	return -1
}

// assemble joins kept lines with blank lines between them and records each
// line's offsets in the result.
func (c *cleaner) assemble() (string, []article.Line) {
	var b strings.Builder
	size := 0
	for i := range c.lines {
		if c.lines[i].Kind != article.KindDropped {
			size += len(c.kept[i]) + 2
		}
	}
	b.Grow(size) // once, instead of doubling through a long article
	for i := range c.lines {
		l := &c.lines[i]
		if l.Kind == article.KindDropped {
			l.Start, l.End = -1, -1
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		l.Start = b.Len()
		b.WriteString(c.kept[i])
		l.End = b.Len()
	}
	return b.String(), c.lines
}
