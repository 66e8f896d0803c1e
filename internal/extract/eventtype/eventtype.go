// Package eventtype classifies a sentence or short snippet into one of
// ACLED's 25 sub-event types (by its CASE 2021 code), or into one of the
// CASE data's non-ACLED labels (natural or man-made disaster, organised
// crime, diplomacy, attribution of responsibility), which mean "no political
// violence event here".
//
// The classifier is a rule set, not a model: the rules are data (rules.txt,
// embedded) made of weighted cue patterns per label, combinations of cues,
// and precedence between labels. Every decision is explainable: each Result
// lists the cues that fired, with their byte spans in the text and the rule
// (file and line) behind them.
package eventtype

import (
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"sync"

	"github.com/sitrep-org/sitrep/internal/incident"
)

//go:embed rules.txt
var rulesText string

// Non-ACLED labels of the CASE 2021 data. Predicting one of them means the
// text reports no political-violence event.
const (
	NaturalDisaster = "NATURAL_DISASTER"
	ManMadeDisaster = "MAN_MADE_DISASTER"
	OrgCrime        = "ORG_CRIME"
	Diplomacy       = "DIPLO"
	Attribution     = "ATTRIB"
)

// Labels returns every code the classifier may return: the 25 ACLED codes in
// codebook order, then the five non-ACLED ones.
func Labels() []string {
	var out []string
	for _, s := range incident.SubEventTypes() {
		out = append(out, s.Code)
	}
	return append(out, NaturalDisaster, ManMadeDisaster, OrgCrime, Diplomacy, Attribution)
}

// Classifier holds the compiled rules. It is immutable after New and safe
// for concurrent use.
type Classifier struct {
	rs      *ruleSet
	sub     []incident.SubEventType // by label index; zero for non-ACLED
	scratch sync.Pool
}

// Result is one label's verdict on a text.
type Result struct {
	Code     string                // CASE code ("AIR_STRIKE"), a non-ACLED code, or "" when nothing fired
	SubEvent incident.SubEventType // zero value when Code is non-ACLED or ""
	Score    float64
	Cues     []Cue // what fired for this label, best first

	// Background is set when every cue for this label sits in a sentence
	// of history, statistics or context ("in 2014", "last year", "a total
	// of"): the label describes the past, not a new event. Hypothetical is
	// set likewise for threats, plans and conditionals ("threatened to",
	// "could", "if"). The markers are among Cues, with weight 0.
	Background, Hypothetical bool
}

// Cue is one piece of evidence: the span of text [Start, End) in bytes, the
// rule that fired and the weight it added (0 for an explanatory note, such
// as a precedence rule that dropped a rival label).
type Cue struct {
	Start, End int
	Text, Rule string
	Weight     float64
}

// New compiles the embedded rules.
func New() (*Classifier, error) {
	return newFromText("rules.txt", rulesText)
}

func newFromText(file, text string) (*Classifier, error) {
	rs, err := parseRules(file, text, Labels())
	if err != nil {
		return nil, fmt.Errorf("eventtype: %w", err)
	}
	c := &Classifier{rs: rs, sub: make([]incident.SubEventType, len(rs.labels))}
	for i, l := range rs.labels {
		if s, ok := incident.LookupSubEvent(l); ok {
			c.sub[i] = s
		}
	}
	c.scratch.New = func() any { return &state{} }
	return c, nil
}

// Classify returns the best label for text, or a Result with Code "" when no
// label reaches the rules' minimum score.
func (c *Classifier) Classify(text string) Result {
	st := c.run(text, "")
	defer c.scratch.Put(st)
	order := st.ranked(c.rs)
	if len(order) == 0 {
		return Result{}
	}
	return c.result(st, text, order[0])
}

// Best is Classify without the minimum score: the best label whenever any
// cue fired, however weak. A task that must give every text one label (the
// CASE shared task) wants it; an extractor deciding whether a sentence
// reports an event wants Classify.
func (c *Classifier) Best(text string) Result {
	st := c.run(text, "")
	defer c.scratch.Put(st)
	order := st.rankedAbove(c.rs, 0)
	if len(order) == 0 {
		return Result{}
	}
	return c.result(st, text, order[0])
}

// Rank returns every label that reached the minimum score, best first.
func (c *Classifier) Rank(text string) []Result { return c.RankLower(text, "") }

// RankLower is Rank for a caller that has folded the text already: lower
// is Lower(text) (see Lower for taking it from a longer text), or "" to
// have Rank fold it. A lower of another length is ignored.
func (c *Classifier) RankLower(text, lower string) []Result {
	st := c.run(text, lower)
	defer c.scratch.Put(st)
	order := st.ranked(c.rs)
	out := make([]Result, 0, len(order))
	for _, l := range order {
		out = append(out, c.result(st, text, l))
	}
	return out
}

// subEvents indexes ACLED's sub-event types by code and by name. It is
// built once and never written: incident.LookupSubEvent rebuilds the whole
// taxonomy on every call, too slow for the extractor's inner loops.
var subEvents = func() map[string]incident.SubEventType {
	m := map[string]incident.SubEventType{}
	for _, s := range incident.SubEventTypes() {
		m[s.Code], m[s.Name] = s, s
	}
	return m
}()

// SubEvent is incident.LookupSubEvent without its cost for exact codes and
// names; other spellings fall back to it.
func SubEvent(nameOrCode string) (incident.SubEventType, bool) {
	if s, ok := subEvents[nameOrCode]; ok {
		return s, true
	}
	if nameOrCode == "" || isUpperCode(nameOrCode) {
		return incident.SubEventType{}, false // a classifier code that is not ACLED's
	}
	return incident.LookupSubEvent(nameOrCode)
}

// isUpperCode reports a code in the classifier's spelling ("DIPLO").
func isUpperCode(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'A' || c > 'Z') && c != '_' {
			return false
		}
	}
	return true
}

// IsViolent reports whether code is a political-violence event: a battle,
// an explosion or remote violence, violence against civilians, a riot, or
// excessive force against protesters. Peaceful protests, protests with
// intervention, strategic developments and the non-ACLED labels are not.
func IsViolent(code string) bool {
	s, ok := SubEvent(code)
	if !ok {
		return false
	}
	switch s.EventType {
	case incident.Battles, incident.ExplosionsRemote, incident.ViolenceAgainstCivs, incident.Riots:
		return true
	}
	return s.Code == "FORCE_AGAINST_PROTEST"
}

// IsACLED reports whether code is one of ACLED's 25 sub-event types, that is
// an event the extractor may code as an incident.
func IsACLED(code string) bool {
	_, ok := SubEvent(code)
	return ok && code != ""
}

// result builds label l's Result from a finished run.
func (c *Classifier) result(st *state, text string, l int) Result {
	r := Result{Code: c.rs.labels[l], SubEvent: c.sub[l], Score: st.score[l]}
	n := 0
	for _, ev := range st.evidence {
		if ev.label == l {
			n++
		}
	}
	if n > 0 {
		r.Cues = make([]Cue, 0, n) // one allocation, not one per doubling
	}
	for _, ev := range st.evidence {
		if ev.label != l {
			continue
		}
		r.Cues = append(r.Cues, Cue{Start: ev.start, End: ev.end, Text: text[ev.start:ev.end], Rule: ev.rule, Weight: ev.weight})
	}
	r.Background, r.Cues = c.rs.inMode(st, text, l, modeBackground, r.Cues)
	r.Hypothetical, r.Cues = c.rs.inMode(st, text, l, modeHypothetical, r.Cues)
	// slices.SortStableFunc, unlike sort.SliceStable, does not allocate.
	slices.SortStableFunc(r.Cues, func(a, b Cue) int {
		if a.Weight != b.Weight {
			if a.Weight > b.Weight {
				return -1
			}
			if b.Weight > a.Weight {
				return 1
			}
			return 0
		}
		return cmp.Compare(a.Start, b.Start)
	})
	return r
}
