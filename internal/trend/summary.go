package trend

import (
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
)

// Options select what Summarize computes.
type Options struct {
	By       []string  // from ParseBy
	From, To time.Time // zero: the range of the data
	Merge    bool      // merge reports of one event before counting
	All      bool      // keep every series, not only the signalling ones
	Params   Params
}

// Summary is the trends answer shared by the CLI and the API.
type Summary struct {
	From      string          `json:"from,omitempty"`
	To        string          `json:"to,omitempty"`
	Weeks     []string        `json:"weeks"`
	Reports   int             `json:"reports"`
	Incidents int             `json:"incidents"` // after merging
	Series    int             `json:"series_total"`
	Params    Params          `json:"params"`
	Signals   []SeriesSummary `json:"series"`
}

// SeriesSummary is one series with its signals and weekly numbers.
type SeriesSummary struct {
	Signals
	WeeklyIncidents  []int `json:"weekly_incidents"`
	WeeklyFatalities []int `json:"weekly_fatalities"`
}

// Summarize merges (optionally), builds the series and runs the signals.
// Reports come in any order; merging orders them by ingestion itself.
func Summarize(reports []incident.Incident, o Options) Summary {
	incs := reports
	if o.Merge {
		incs = merge.Incidents(reports, merge.DefaultOptions())
	}
	res := Build(incs, o.By, o.From, o.To)
	sigs := Detect(res, o.Params)
	out := Summary{Weeks: res.Weeks, Reports: len(reports), Incidents: len(incs), Series: len(sigs), Params: o.Params}
	if !res.From.IsZero() {
		out.From, out.To = res.From.Format(time.DateOnly), res.To.Format(time.DateOnly)
	}
	for i, s := range sigs {
		if o.All || s.Signalling {
			out.Signals = append(out.Signals, SeriesSummary{s, res.Series[i].Incidents, res.Series[i].Fatalities})
		}
	}
	return out
}
