package sqlite

import (
	"errors"
	"testing"

	"github.com/sitrep-org/sitrep/internal/incident"
)

func TestSetField(t *testing.T) {
	tests := []struct {
		field, value string
		check        func(incident.Incident) bool
		invalid      bool
	}{
		{"fatalities", "11", func(in incident.Incident) bool { return in.Fatalities != nil && *in.Fatalities == 11 }, false},
		{"fatalities", "", func(in incident.Incident) bool { return in.Fatalities == nil }, false},
		{"fatalities", "-2", nil, true},
		{"fatalities", "eleven", nil, true},
		{"event_date", "2024-02-30", nil, true},
		{"event_date", "2024-02-29", func(in incident.Incident) bool { return in.EventDate == "2024-02-29" }, false},
		{"time_precision", "4", nil, true},
		{"latitude", "91", nil, true},
		{"longitude", "-179.5", func(in incident.Incident) bool { return *in.Longitude == -179.5 }, false},
		{"sub_event_type", "suicide bomb", func(in incident.Incident) bool {
			return in.SubEventType == "Suicide bomb" && in.EventType == incident.ExplosionsRemote
		}, false},
		{"event_type", "Picnics", nil, true},
		{"inter2", "7", func(in incident.Incident) bool { return in.Inter2 == 7 && in.Interaction == 17 }, false},
		{"location", "Tal Afar", func(in incident.Incident) bool { return in.Location == "Tal Afar" }, false},
		{"sources", "x", nil, true},
		{"event_id", "X", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.field+"="+tt.value, func(t *testing.T) {
			in := incident.Incident{EventID: "K", Inter1: 1, Fatalities: incident.Int(3), Longitude: incident.Float(40)}
			err := setField(&in, tt.field, tt.value)
			if tt.invalid {
				if !errors.Is(err, incident.ErrInvalid) {
					t.Errorf("err = %v, want ErrInvalid", err)
				}
				return
			}
			if err != nil || !tt.check(in) || in.EventID != "K" {
				t.Errorf("setField: %v, incident %+v", err, in)
			}
		})
	}
}

// FuzzSetField feeds arbitrary corrections, as an API client could send:
// a correction is applied or refused with ErrInvalid, never anything else.
func FuzzSetField(f *testing.F) {
	for _, s := range [][2]string{{"fatalities", "3"}, {"latitude", "1e308"}, {"event_date", "2024-13-01"},
		{"sub_event_type", "ARMED_CLASH"}, {"notes", "\x00\"}"}, {"inter1", "08"}, {"wounded", "null"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, field, value string) {
		in := incident.Incident{EventID: "F"}
		if err := setField(&in, field, value); err != nil && !errors.Is(err, incident.ErrInvalid) {
			t.Errorf("%s=%q: %v", field, value, err)
		}
		if in.EventID != "F" {
			t.Errorf("%s=%q changed the ID", field, value)
		}
	})
}
