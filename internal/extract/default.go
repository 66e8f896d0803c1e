package extract

import (
	"fmt"
	"time"

	"github.com/sitrep-org/sitrep/internal/actors"
	"github.com/sitrep-org/sitrep/internal/extract/eventtype"
	"github.com/sitrep-org/sitrep/internal/extract/quantity"
	"github.com/sitrep-org/sitrep/internal/extract/timex"
	"github.com/sitrep-org/sitrep/internal/gazetteer"
)

// DefaultResources loads the embedded gazetteer, actor dictionary, event
// rules, date and casualty readers. It takes a moment (the gazetteer);
// call it once and share the result.
func DefaultResources() (Resources, error) {
	g, err := gazetteer.Load()
	if err != nil {
		return Resources{}, fmt.Errorf("extract: %w", err)
	}
	dict, err := actors.Load()
	if err != nil {
		return Resources{}, fmt.Errorf("extract: %w", err)
	}
	cl, err := eventtype.New()
	if err != nil {
		return Resources{}, fmt.Errorf("extract: %w", err)
	}
	return NewResources(Resources{
		Places: g,
		Actors: dict,
		Events: classifier{cl},
		Dates:  timexDates{},
		Counts: quantityCounts{},
	})
}

// classifier adapts the eventtype rules to EventClassifier.
type classifier struct{ c *eventtype.Classifier }

func (c classifier) Classify(text string) EventResult { return convertResult(c.c.Classify(text)) }

func (c classifier) Rank(text string) []EventResult { return c.rankLower(text, "") }

// rankLower is Rank with the text folded already (eventtype.Lower), or "".
func (c classifier) rankLower(text, lower string) []EventResult {
	rs := c.c.RankLower(text, lower)
	out := make([]EventResult, 0, len(rs))
	for _, r := range rs {
		out = append(out, convertResult(r))
	}
	return out
}

func convertResult(r eventtype.Result) EventResult {
	cues := r.Cues // each result's cues are its own: taken, not copied
	if cues == nil {
		cues = make([]Cue, 0) // never nil, as the copy was (no allocation)
	}
	return EventResult{Code: r.Code, SubEvent: r.SubEvent, Score: r.Score, Cues: cues}
}

// timexDates adapts the timex package to DateFinder.
type timexDates struct{}

func (timexDates) Find(text string, pub time.Time, pubPrecision int) []DateMention {
	return dateMentions(timex.Find(text, pub, pubPrecision))
}

func dateMentions(xs []timex.Expr) []DateMention {
	out := make([]DateMention, 0, len(xs))
	for _, x := range xs {
		out = append(out, DateMention{Start: x.Start, End: x.End, Text: x.Text, Date: x.Date, Precision: x.Precision, Year: x.Year, Rule: x.Rule, Flags: x.Flags})
	}
	return out
}

// quantityCounts adapts the quantity package to CountFinder.
type quantityCounts struct{}

func (quantityCounts) Casualties(sentence string) []CountMention {
	return countMentions(quantity.Casualties(sentence))
}

func countMentions(cs []quantity.Count) []CountMention {
	out := make([]CountMention, 0, len(cs))
	for _, c := range cs {
		out = append(out, CountMention{Start: c.Start, End: c.End, Text: c.Text, N: c.N, Kind: c.Kind, Qualifier: c.Qualifier,
			Who: c.Who, WhoStart: c.WhoStart, WhoEnd: c.WhoEnd, Rule: c.Rule, Flags: c.Flags})
	}
	return out
}

func (quantityCounts) IsStatistic(sentence string) bool { return quantity.IsStatistic(sentence) }
