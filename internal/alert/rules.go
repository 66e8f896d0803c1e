// Package alert evaluates watch rules against merged incidents and
// resurgence signals, delivers each match to a webhook with bounded retries,
// and remembers what it sent so no alert goes out twice. Evaluation is a
// pure function; delivery and the state file are the only I/O.
package alert

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/trend"
)

// Signal kinds a rule can wait for.
const (
	SignalHDX   = "hdx"
	SignalCUSUM = "cusum"
	SignalAny   = "any"
)

// Rule is one watch rule. Every condition set must hold; a rule with a
// Signal matches signalling series, one without it matches incidents.
type Rule struct {
	Name      string `json:"name"`
	Actor     string `json:"actor,omitempty"`   // case-insensitive substring of any side's name
	Country   string `json:"country,omitempty"` // name or ISO alpha-2
	Admin1    string `json:"admin1,omitempty"`
	EventType string `json:"event_type,omitempty"` // event or sub-event type
	// MinFatalities: incidents with at least this many deaths (0: any).
	MinFatalities int `json:"min_fatalities,omitempty"`
	// Signal: "hdx", "cusum" or "any"; empty for an incident rule.
	Signal string `json:"signal,omitempty"`
	// By groups the series a signal rule watches ("actor,admin1" when empty).
	By string `json:"by,omitempty"`
}

// ruleFile is the file format: {"rules": [...]}; a bare array also works.
type ruleFile struct {
	Rules []Rule `json:"rules"`
}

// maxRulesBytes bounds what ParseRules reads; a rules file is small.
const maxRulesBytes = 1 << 20

// ParseRules reads and validates a rules file.
func ParseRules(r io.Reader) ([]Rule, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxRulesBytes+1))
	if err != nil {
		return nil, fmt.Errorf("alert: read rules: %w", err)
	}
	if len(data) > maxRulesBytes {
		return nil, fmt.Errorf("alert: rules file over %d bytes: %w", maxRulesBytes, incident.ErrInvalid)
	}
	var rules []Rule
	trimmed := bytes.TrimSpace(data)
	dec := func(v any) error {
		d := json.NewDecoder(bytes.NewReader(trimmed))
		d.DisallowUnknownFields()
		return d.Decode(v)
	}
	if len(trimmed) > 0 && trimmed[0] == '[' {
		err = dec(&rules)
	} else {
		var f ruleFile
		err = dec(&f)
		rules = f.Rules
	}
	if err != nil {
		return nil, fmt.Errorf("alert: parse rules: %v: %w", err, incident.ErrInvalid)
	}
	if len(rules) == 0 {
		return nil, fmt.Errorf("alert: no rules: %w", incident.ErrInvalid)
	}
	var errs []error
	var names []string
	for i := range rules {
		if err := rules[i].validate(); err != nil {
			errs = append(errs, fmt.Errorf("rule %d (%q): %w", i+1, rules[i].Name, err))
		}
		if slices.Contains(names, rules[i].Name) {
			errs = append(errs, fmt.Errorf("rule %d: name %q used twice", i+1, rules[i].Name))
		}
		names = append(names, rules[i].Name)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("alert: %w: %w", err, incident.ErrInvalid)
	}
	return rules, nil
}

func (r *Rule) validate() error {
	if strings.TrimSpace(r.Name) == "" {
		return errors.New("a rule needs a name: it is part of every alert's key")
	}
	switch r.Signal {
	case "", SignalHDX, SignalCUSUM, SignalAny:
	default:
		return fmt.Errorf("signal %q: want hdx, cusum or any", r.Signal)
	}
	if r.MinFatalities < 0 {
		return errors.New("min_fatalities is negative")
	}
	if r.Signal == "" && r.By != "" {
		return errors.New("by applies to signal rules only")
	}
	if r.Signal != "" {
		if r.EventType != "" || r.MinFatalities > 0 {
			return errors.New("signal rules watch series by actor and region; event_type and min_fatalities apply to incident rules")
		}
		if _, err := trend.ParseBy(r.by()); err != nil {
			return err
		}
	}
	if r.Signal == "" && r.Actor == "" && r.Country == "" && r.Admin1 == "" && r.EventType == "" && r.MinFatalities == 0 {
		return errors.New("an incident rule needs at least one condition, or it alerts on everything")
	}
	return nil
}

func (r *Rule) by() string {
	if r.By == "" {
		return "actor,admin1"
	}
	return r.By
}
