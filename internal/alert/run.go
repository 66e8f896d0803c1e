package alert

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
	"github.com/sitrep-org/sitrep/internal/trend"
)

// Sender delivers one alert.
type Sender interface {
	Send(ctx context.Context, a Alert) error
}

// Runner is one watch pass: evaluate the rules, send what is new, remember
// what was sent.
type Runner struct {
	Rules     []Rule
	Sender    Sender
	StatePath string
	Merge     merge.Options
	Trend     trend.Params
	Logger    *slog.Logger
	Now       func() time.Time
	// Since, when not zero, limits incident rules to events on or after it.
	Since time.Time
}

// Summary says what one pass did.
type Summary struct {
	Matched int `json:"matched"` // alerts the rules raise, old and new
	New     int `json:"new"`     // not delivered before
	Sent    int `json:"sent"`
	Failed  int `json:"failed"` // retried on the next pass
}

// Run evaluates the rules against incidents (in ingestion order) and sends
// every alert not already in the state file. The state is saved after each
// delivery, so an interrupted pass never sends the same alert again; a
// failed delivery is not recorded and is tried again next pass.
func (r *Runner) Run(ctx context.Context, incs []incident.Incident) (Summary, error) {
	logger := r.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	now := r.Now
	if now == nil {
		now = time.Now
	}
	st, err := LoadState(r.StatePath)
	if err != nil {
		return Summary{}, err
	}
	in := Prepare(incs, r.Rules, r.Merge, r.Trend)
	if !r.Since.IsZero() {
		in.Since = r.Since.Format(time.DateOnly)
	}
	alerts := Evaluate(r.Rules, in)
	sum := Summary{Matched: len(alerts)}
	var errs []error
	for _, a := range alerts {
		if _, done := st.Sent[a.Key]; done {
			continue
		}
		sum.New++
		if err := r.Sender.Send(ctx, a); err != nil {
			sum.Failed++
			errs = append(errs, err)
			logger.Warn("alert not delivered", "key", a.Key, "err", err)
			if ctx.Err() != nil {
				break
			}
			continue
		}
		st.Sent[a.Key] = now().UTC()
		if err := st.Save(r.StatePath); err != nil {
			return sum, fmt.Errorf("alert: delivered %s but could not record it: %w", a.Key, err)
		}
		sum.Sent++
		logger.Info("alert delivered", "key", a.Key, "rule", a.Rule)
	}
	if len(errs) > 0 {
		return sum, fmt.Errorf("alert: %d of %d new alerts not delivered: %w", sum.Failed, sum.New, errors.Join(errs...))
	}
	return sum, nil
}
