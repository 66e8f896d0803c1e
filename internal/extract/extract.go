// Package extract turns one article into coded incidents. It reads the
// article's sentences, finds the dates, places, actors, casualty counts and
// event cues in them, decides which statements report concrete events
// (not history, statistics, claims of what may happen, or general remarks),
// groups the statements that describe one event, and codes each event with
// ACLED's fields. Every coded field carries evidence: byte offsets into the
// article's clean text and the rule that produced it.
//
// Extract is a pure function of the article and read-only Resources: no
// I/O, no globals, safe to run on many articles at once.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// Extract codes the incidents one article reports.
func Extract(a article.Article, r Resources) ([]incident.Incident, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	if r.rules == nil {
		lx, err := loadLexicon()
		if err != nil {
			return nil, err
		}
		r.rules = lx
	}
	if r.Logger == nil {
		r.Logger = slog.New(slog.DiscardHandler)
	}
	d := newDoc(&a, &r)
	defer d.release()
	var out []incident.Incident
	for _, c := range d.group() {
		in := d.code(c)
		if in.CountryCode == "" {
			r.Logger.Debug("extract: event kept without a place", "doc", a.Source, "offset", c.anchor().start)
		}
		out = append(out, in)
	}
	r.Logger.Debug("extract: coded", "doc", a.Source, "sentences", len(d.sents), "incidents", len(out))
	return out, nil
}

// NewResources checks a set of resources and prepares the framing rules,
// so that many Extract calls share them.
func NewResources(r Resources) (Resources, error) {
	if err := r.check(); err != nil {
		return Resources{}, err
	}
	lx, err := loadLexicon()
	if err != nil {
		return Resources{}, err
	}
	r.rules = lx
	if r.Logger == nil {
		r.Logger = slog.New(slog.DiscardHandler)
	}
	return r, nil
}

// eventID is stable for one article and one anchoring statement, so that
// extracting the same article twice gives the same identifiers.
func eventID(a *article.Article, f *frame) string {
	key := a.ID
	if key == "" {
		key = article.Hash(a.Text)
	}
	sum := sha256.Sum256([]byte(key + "|" + a.Source + "|" + strconv.Itoa(f.start) + "-" + strconv.Itoa(f.end)))
	return hex.EncodeToString(sum[:8])
}

// evidence records the words behind one field.
func (d *doc) evidence(in *incident.Incident, field string, start, end int, rule string) {
	if start < 0 || end > len(d.text) || start > end {
		return
	}
	in.Evidence = append(in.Evidence, incident.Evidence{
		Field: field, Start: start, End: end, Quote: d.text[start:end], Rule: rule, ArticleID: d.a.ID,
	})
}

// countField sets an optional count and its evidence.
func (d *doc) countField(in *incident.Incident, field string, t tally) *int {
	if !t.known {
		return nil
	}
	for _, c := range t.used {
		d.evidence(in, field, c.Start, c.End, "count:"+c.Rule)
	}
	return incident.Int(t.n)
}

func describe(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %s", n, what)
}
