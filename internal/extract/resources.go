package extract

import (
	"errors"
	"log/slog"
	"time"

	"github.com/sitrep-org/sitrep/internal/actors"
	"github.com/sitrep-org/sitrep/internal/extract/eventtype"
	"github.com/sitrep-org/sitrep/internal/gazetteer"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// PlaceFinder finds and resolves place names in a whole document, using
// the rest of the document to disambiguate. The gazetteer implements it.
type PlaceFinder interface {
	Find(text string) []gazetteer.Mention
	Country(code string) (gazetteer.CountryInfo, bool)
}

// EventClassifier types one sentence or clause with an ACLED sub-event
// type, or a non-ACLED code, or "" when nothing violent is described.
type EventClassifier interface {
	Classify(text string) EventResult
	// Rank returns every type the text supports, best first.
	Rank(text string) []EventResult
}

// EventResult is what an EventClassifier says about one text. Cue offsets
// are relative to the text classified.
type EventResult struct {
	Code     string
	SubEvent incident.SubEventType // zero when Code is not an ACLED type
	Score    float64
	Cues     []Cue // best first
}

// Cue is one span of text that made a classifier decide: the event
// classifier's own type, so that its results pass to the extractor
// without copying every cue.
type Cue = eventtype.Cue

// DateFinder finds date expressions in a text, resolved against the
// publication date and never after it.
type DateFinder interface {
	Find(text string, pub time.Time, pubPrecision int) []DateMention
}

// DateMention is one resolved (or unresolvable) date expression.
type DateMention struct {
	Start, End int
	Text       string
	Date       time.Time // zero when the expression could not be resolved
	Precision  int       // ACLED time_precision: 1 day, 2 week, 3 month or vaguer
	Year       int       // the year the text states outright, 0 if none
	Rule       string
	Flags      []string // e.g. a conflict that was resolved
}

// CountFinder reads casualty counts in one sentence and tells aggregate
// statements apart. Casualties flags every count it returns "statistic"
// exactly when IsStatistic holds for the sentence, so that a sentence with
// counts need not be read twice.
type CountFinder interface {
	Casualties(sentence string) []CountMention
	IsStatistic(sentence string) bool
}

// Casualty kinds a CountMention carries.
const (
	KindKilled    = "killed"
	KindWounded   = "wounded"
	KindAbducted  = "abducted"
	KindArrested  = "arrested"
	flagStatistic = "statistic"
	flagPartly    = "partly-vague"
	flagLarge     = "large"
)

// CountMention is one casualty count; offsets are relative to the sentence
// it was read from.
type CountMention struct {
	Start, End       int
	Text             string
	N                int
	Kind             string // killed, wounded, abducted, arrested
	Qualifier        string // "", "at least", "more than", "about", "up to"
	Who              string
	WhoStart, WhoEnd int
	Rule             string
	Flags            []string
}

// Resources are the read-only dictionaries and models Extract works with.
// Build them once (DefaultResources) and share them between goroutines.
type Resources struct {
	Places PlaceFinder
	Actors *actors.Dictionary
	Events EventClassifier
	Dates  DateFinder
	Counts CountFinder
	Logger *slog.Logger

	rules *lexicon // the framing phrase rules; set by DefaultResources or lazily
}

// ErrResources is returned when Extract is called without a required
// resource.
var ErrResources = errors.New("extract: incomplete resources")

func (r *Resources) check() error {
	if r.Places == nil || r.Actors == nil || r.Events == nil || r.Dates == nil || r.Counts == nil {
		return ErrResources
	}
	return nil
}
