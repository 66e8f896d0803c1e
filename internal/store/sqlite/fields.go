package sqlite

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// fieldKind says how a correctable field's text value is read and checked.
type fieldKind int

const (
	kindText     fieldKind = iota // any text
	kindDate                      // YYYY-MM-DD
	kindPrec                      // 1, 2 or 3
	kindInter                     // ACLED inter code 0..8
	kindCount                     // a count >= 0, or "" for not reported
	kindLat                       // -90..90, or "" for none
	kindLon                       // -180..180, or "" for none
	kindEvent                     // an ACLED event type
	kindSubEvent                  // an ACLED sub-event type
)

// correctable lists the fields an analyst may correct, by their JSON
// (ACLED) names, and how each is checked. Derived fields (interaction,
// sources, evidence) are not correctable: they follow from others.
var correctable = map[string]fieldKind{
	"event_date": kindDate, "time_precision": kindPrec, "disorder_type": kindText,
	"event_type": kindEvent, "sub_event_type": kindSubEvent,
	"actor1": kindText, "assoc_actor_1": kindText, "inter1": kindInter,
	"actor2": kindText, "assoc_actor_2": kindText, "inter2": kindInter,
	"civilian_targeting": kindText, "country": kindText, "country_code": kindText,
	"region": kindText, "admin1": kindText, "admin2": kindText, "admin3": kindText,
	"location": kindText, "latitude": kindLat, "longitude": kindLon, "geo_precision": kindPrec,
	"fatalities": kindCount, "wounded": kindCount, "abducted": kindCount, "arrested": kindCount,
	"claimed_by": kindText, "notes": kindText,
}

// CorrectableFields lists the fields Correct accepts.
func CorrectableFields() []string {
	out := make([]string, 0, len(correctable))
	for f := range correctable {
		out = append(out, f)
	}
	return out
}

// checkValue validates a correction's value for its field and returns it
// as the JSON the field decodes from.
func checkValue(field, value string) (json.RawMessage, error) {
	kind, ok := correctable[field]
	if !ok {
		return nil, fmt.Errorf("field %q cannot be corrected: %w", field, incident.ErrInvalid)
	}
	bad := func() (json.RawMessage, error) {
		return nil, fmt.Errorf("%s: bad value %q: %w", field, value, incident.ErrInvalid)
	}
	value = strings.TrimSpace(value)
	quoted, _ := json.Marshal(value)
	switch kind {
	case kindDate:
		if _, err := time.Parse(time.DateOnly, value); err != nil && value != "" {
			return bad()
		}
	case kindPrec, kindInter:
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 || (kind == kindPrec && (n < 1 || n > 3)) || n > 8 {
			return bad()
		}
		return json.RawMessage(strconv.Itoa(n)), nil
	case kindCount, kindLat, kindLon:
		return numberValue(kind, value)
	case kindEvent:
		if !isEventType(value) {
			return bad()
		}
	case kindSubEvent:
		if _, ok := incident.LookupSubEvent(value); !ok {
			return bad()
		}
	}
	return quoted, nil
}

func numberValue(kind fieldKind, value string) (json.RawMessage, error) {
	if value == "" || value == "null" {
		return json.RawMessage("null"), nil
	}
	bad := fmt.Errorf("bad value %q: %w", value, incident.ErrInvalid)
	if kind == kindCount {
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 {
			return nil, bad
		}
		return json.RawMessage(strconv.Itoa(n)), nil
	}
	f, err := strconv.ParseFloat(value, 64)
	limit := 90.0
	if kind == kindLon {
		limit = 180
	}
	if err != nil || math.IsNaN(f) || f < -limit || f > limit {
		return nil, bad
	}
	return json.RawMessage(strconv.FormatFloat(f, 'f', -1, 64)), nil
}

func isEventType(s string) bool {
	for _, st := range incident.SubEventTypes() {
		if st.EventType == s {
			return true
		}
	}
	return false
}

// setField sets one correctable field of in from its text value. A
// sub-event type brings its event and disorder types; an inter code
// brings the interaction code.
func setField(in *incident.Incident, field, value string) error {
	raw, err := checkValue(field, value)
	if err != nil {
		return err
	}
	doc, err := json.Marshal(map[string]json.RawMessage{field: raw})
	if err != nil {
		return fmt.Errorf("%s: %v: %w", field, err, incident.ErrInvalid)
	}
	if err := json.Unmarshal(doc, in); err != nil {
		return fmt.Errorf("%s: %w", field, incident.ErrInvalid)
	}
	switch field {
	case "sub_event_type":
		st, _ := incident.LookupSubEvent(value)
		in.SubEventType, in.EventType, in.DisorderType = st.Name, st.EventType, st.Disorder
	case "inter1", "inter2":
		in.Interaction = incident.Interaction(in.Inter1, in.Inter2)
	}
	return nil
}
