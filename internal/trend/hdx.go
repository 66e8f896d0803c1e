package trend

// HDXParams set the HDX Signals rule: a series signals on the day its
// rolling WindowDays fatality sum exceeds every such sum of the previous
// LookbackDays and is at least MinFatalities.
type HDXParams struct {
	WindowDays    int `json:"window_days"`
	LookbackDays  int `json:"lookback_days"`
	MinFatalities int `json:"min_fatalities"`
	// MinHistoryDays: the rule speaks of a level not seen in the previous
	// year, so a series needs that much history before it can signal.
	MinHistoryDays int `json:"min_history_days"`
	// QuietDays separates episodes: a new signal needs this many days
	// without one, so a surge is reported once, not every day it lasts.
	QuietDays int `json:"quiet_days"`
}

// DefaultHDX follows HDX Signals' ACLED indicator (30-day sums against the
// previous year), with a minimum sized for one actor in one province.
func DefaultHDX() HDXParams {
	return HDXParams{WindowDays: 30, LookbackDays: 365, MinFatalities: 10, MinHistoryDays: 365, QuietDays: 30}
}

// HDXSignal is one episode of the HDX rule.
type HDXSignal struct {
	Day         int    `json:"-"` // index from Result.From
	LastDay     int    `json:"-"` // last day the rule held in this episode
	Date        string `json:"date"`
	Until       string `json:"until"`
	Recent      bool   `json:"recent"` // held within Params.RecentWeeks of the end
	Sum30       int    `json:"sum_30d"`
	PreviousMax int    `json:"previous_max"`
}

// hdx runs the rule over daily fatalities. The previous maximum is kept
// with a monotonic deque over the lookback, so a series costs O(days).
func hdx(daily []int, p HDXParams) []HDXSignal {
	if p.WindowDays <= 0 || len(daily) < p.WindowDays {
		return nil
	}
	roll := make([]int, len(daily)) // roll[t]: sum over (t-W, t]
	run := 0
	for t, f := range daily {
		run += f
		if t >= p.WindowDays {
			run -= daily[t-p.WindowDays]
		}
		roll[t] = run
	}
	var out []HDXSignal
	var deque []int // indices of roll in the lookback, values decreasing
	last := -p.QuietDays - 1
	for t := p.WindowDays - 1; t < len(daily); t++ {
		// the comparison window is [t-Lookback, t-Window]: sums that do
		// not overlap the current one
		if in := t - p.WindowDays; in >= p.WindowDays-1 {
			for len(deque) > 0 && roll[deque[len(deque)-1]] <= roll[in] {
				deque = deque[:len(deque)-1]
			}
			deque = append(deque, in)
		}
		for len(deque) > 0 && deque[0] < t-p.LookbackDays {
			deque = deque[1:]
		}
		if t < p.MinHistoryDays {
			continue
		}
		prev := 0
		if len(deque) > 0 {
			prev = roll[deque[0]]
		}
		if roll[t] >= p.MinFatalities && roll[t] > prev {
			if t-last > p.QuietDays {
				out = append(out, HDXSignal{Day: t, Sum30: roll[t], PreviousMax: prev})
			}
			out[len(out)-1].LastDay = t
			last = t
		}
	}
	return out
}
