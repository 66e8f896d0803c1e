package alert

import (
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
	"github.com/sitrep-org/sitrep/internal/trend"
)

// Alert kinds.
const (
	KindIncident = "incident"
	KindSignal   = "signal"
)

// Alert is one match, as posted to the webhook.
type Alert struct {
	// Key identifies the alert across runs: rule × merged incident, or
	// rule × series × test × date. It is what deduplication remembers.
	Key        string             `json:"key"`
	Rule       string             `json:"rule"`
	Kind       string             `json:"kind"`
	Summary    string             `json:"summary"`
	Incident   *incident.Incident `json:"incident,omitempty"`
	Unverified bool               `json:"unverified,omitempty"`
	Series     string             `json:"series,omitempty"`
	HDX        *trend.HDXSignal   `json:"hdx,omitempty"`
	CUSUM      *trend.Alarm       `json:"cusum,omitempty"`
}

// Input is what rules are evaluated against.
type Input struct {
	Clusters []merge.Cluster
	Profiles []merge.Profile
	// Signals per grouping ("actor,admin1", ...), as the rules need them.
	Signals map[string][]trend.Signals
	// Since (YYYY-MM-DD), when set, keeps incident rules to incidents that
	// happened on or after it, so a first run on an old store does not
	// alert on its whole history.
	Since string
}

// Prepare merges the incidents (given in ingestion order) and computes the
// signals each signal rule needs.
func Prepare(incs []incident.Incident, rules []Rule, mo merge.Options, tp trend.Params) Input {
	in := Input{Clusters: merge.Merge(incs, mo), Signals: map[string][]trend.Signals{}}
	in.Profiles = merge.Profiles(in.Clusters)
	merged := make([]incident.Incident, len(in.Clusters))
	for i := range in.Clusters {
		merged[i] = in.Clusters[i].Incident
	}
	for _, r := range rules {
		if r.Signal == "" {
			continue
		}
		if _, done := in.Signals[r.by()]; done {
			continue
		}
		by, err := trend.ParseBy(r.by())
		if err != nil {
			continue // ParseRules rejected it already
		}
		res := trend.Build(merged, by, time.Time{}, time.Time{})
		in.Signals[r.by()] = trend.Detect(res, tp)
	}
	return in
}

// Evaluate returns every alert the rules raise, in rule order.
func Evaluate(rules []Rule, in Input) []Alert {
	var out []Alert
	for _, r := range rules {
		if r.Signal == "" {
			out = append(out, incidentAlerts(r, in)...)
		} else {
			out = append(out, signalAlerts(r, in.Signals[r.by()])...)
		}
	}
	return out
}

func incidentAlerts(r Rule, in Input) []Alert {
	var out []Alert
	for i := range in.Clusters {
		c := &in.Clusters[i]
		if in.Since != "" && c.Incident.EventDate < in.Since {
			continue
		}
		if !r.matchIncident(&c.Incident) {
			continue
		}
		inc := c.Incident
		unverified := merge.Unverified(c, in.Profiles, merge.DefaultCredibility())
		fat := "unknown"
		if inc.Fatalities != nil {
			fat = fmt.Sprint(*inc.Fatalities)
		}
		out = append(out, Alert{
			Key: r.Name + "|incident|" + c.ID, Rule: r.Name, Kind: KindIncident,
			Summary: fmt.Sprintf("%s: %s in %s on %s, fatalities %s (%d sources)",
				r.Name, inc.EventType, placeName(&inc), inc.EventDate, fat, len(merge.Outlets(c))),
			Incident: &inc, Unverified: unverified,
		})
	}
	return out
}

// signalAlerts raises one alert per recent detection of a matching series.
func signalAlerts(r Rule, sigs []trend.Signals) []Alert {
	var out []Alert
	for _, s := range sigs {
		if !r.matchSeries(s.Key) {
			continue
		}
		if r.Signal == SignalHDX || r.Signal == SignalAny {
			for _, h := range s.HDX {
				if h.Recent {
					out = append(out, Alert{
						Key: r.Name + "|hdx|" + s.Name + "|" + h.Date, Rule: r.Name, Kind: KindSignal, Series: s.Name,
						Summary: fmt.Sprintf("%s: %s — %d fatalities in 30 days to %s, above the previous year's peak of %d",
							r.Name, s.Name, h.Sum30, h.Date, h.PreviousMax),
						HDX: &h,
					})
				}
			}
		}
		if r.Signal == SignalCUSUM || r.Signal == SignalAny {
			for _, a := range s.CUSUM {
				if a.Recent {
					out = append(out, Alert{
						Key: r.Name + "|cusum|" + s.Name + "|" + a.Date, Rule: r.Name, Kind: KindSignal, Series: s.Name,
						Summary: fmt.Sprintf("%s: %s — %.1f incidents/week since %s against %.1f before (×%.1f)",
							r.Name, s.Name, a.Observed, a.Since, a.Baseline, a.RateRatio),
						CUSUM: &a,
					})
				}
			}
		}
	}
	return out
}

func (r *Rule) matchIncident(in *incident.Incident) bool {
	if r.Actor != "" && !anyContains(r.Actor, in.Actor1, in.Actor2, in.AssocActor1, in.AssocActor2) {
		return false
	}
	if r.Country != "" && !strings.EqualFold(r.Country, in.Country) && !strings.EqualFold(r.Country, in.CountryCode) {
		return false
	}
	if r.Admin1 != "" && !strings.EqualFold(r.Admin1, in.Admin1) {
		return false
	}
	if r.EventType != "" && !strings.EqualFold(r.EventType, in.EventType) && !strings.EqualFold(r.EventType, in.SubEventType) {
		return false
	}
	if r.MinFatalities > 0 && (in.Fatalities == nil || *in.Fatalities < r.MinFatalities) {
		return false
	}
	return true
}

func (r *Rule) matchSeries(k trend.Key) bool {
	if r.Actor != "" && !anyContains(r.Actor, k.Actor) {
		return false
	}
	if r.Country != "" && !strings.EqualFold(r.Country, k.Country) {
		return false
	}
	return r.Admin1 == "" || strings.EqualFold(r.Admin1, k.Admin1)
}

func anyContains(needle string, hay ...string) bool {
	n := strings.ToLower(strings.TrimSpace(needle))
	for _, h := range hay {
		if h != "" && strings.Contains(strings.ToLower(h), n) {
			return true
		}
	}
	return false
}

func placeName(in *incident.Incident) string {
	var parts []string
	for _, p := range []string{in.Location, in.Admin1, in.Country} {
		if p != "" && (len(parts) == 0 || parts[len(parts)-1] != p) {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return "an unknown place"
	}
	return strings.Join(parts, ", ")
}
