package trend

import (
	"fmt"
	"time"
)

// Params are the signal settings.
type Params struct {
	HDX   HDXParams   `json:"hdx"`
	CUSUM CUSUMParams `json:"cusum"`
	// RecentWeeks: a series is signalling when a signal fired within this
	// many weeks of the end of the range.
	RecentWeeks int `json:"recent_weeks"`
}

// DefaultParams returns the documented defaults.
func DefaultParams() Params {
	return Params{HDX: DefaultHDX(), CUSUM: DefaultCUSUM(), RecentWeeks: 4}
}

// Signals are one series' detections over the whole range.
type Signals struct {
	Name       string      `json:"name"`
	Key        Key         `json:"key"`
	Incidents  int         `json:"incidents"`
	Fatalities int         `json:"fatalities"`
	HDX        []HDXSignal `json:"hdx,omitempty"`
	CUSUM      []Alarm     `json:"cusum,omitempty"`
	// Signalling: a signal fired in the last RecentWeeks; Why says which.
	Signalling bool     `json:"signalling"`
	Why        []string `json:"why,omitempty"`
}

// Detect runs both tests on every series of res.
func Detect(res Result, p Params) []Signals {
	out := make([]Signals, 0, len(res.Series))
	recentDay := len(res.Weeks)*7 - p.RecentWeeks*7
	for _, s := range res.Series {
		sig := Signals{Name: s.Name, Key: s.Key, Incidents: sum(s.Incidents), Fatalities: sum(s.Fatalities)}
		for _, h := range hdx(s.daily, p.HDX) {
			h.Date = res.From.AddDate(0, 0, h.Day).Format(time.DateOnly)
			h.Until = res.From.AddDate(0, 0, h.LastDay).Format(time.DateOnly)
			h.Recent = h.LastDay >= recentDay
			sig.HDX = append(sig.HDX, h)
			if h.Recent {
				sig.Signalling = true
				sig.Why = append(sig.Why, fmt.Sprintf("HDX: %d fatalities in 30 days to %s, above the previous year's peak of %d (held until %s)",
					h.Sum30, h.Date, h.PreviousMax, h.Until))
			}
		}
		for _, a := range cusum(s.Incidents, p.CUSUM) {
			a.Date, a.Since = res.Weeks[a.Week], res.Weeks[a.sinceWeek]
			a.Recent = a.Week*7 >= recentDay
			sig.CUSUM = append(sig.CUSUM, a)
			if a.Recent {
				sig.Signalling = true
				sig.Why = append(sig.Why, fmt.Sprintf("CUSUM: %.1f incidents/week since %s vs %.1f before (×%.1f, S=%.1f) in week of %s",
					a.Observed, a.Since, a.Baseline, a.RateRatio, a.Statistic, a.Date))
			}
		}
		out = append(out, sig)
	}
	return out
}
