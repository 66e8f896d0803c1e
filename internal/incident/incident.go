// Package incident holds the coded Incident, its evidence, ACLED's taxonomy
// and the Store interface every backend implements. It sits at the centre of
// the flow: extract produces incidents, merge and store keep them, server and
// trend read them.
package incident

import (
	"errors"
	"time"
)

// Sentinel errors, mapped to HTTP status in one place by the server.
var (
	ErrNotFound = errors.New("not found")
	ErrInvalid  = errors.New("invalid")
	ErrConflict = errors.New("conflict")
)

// Evidence ties one coded field to the words behind it: a byte range in the
// article's clean text, the quoted span and the rule that produced the value.
type Evidence struct {
	Field     string `json:"field"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Quote     string `json:"quote"`
	Rule      string `json:"rule"`
	ArticleID string `json:"article_id,omitempty"`
}

// Incident is one coded event, with ACLED's field names plus sitrep's.
// Counts are pointers: nil means the text does not say, which is not zero.
type Incident struct {
	EventID           string         `json:"event_id"`
	Doc               string         `json:"doc"`
	ArticleID         string         `json:"article_id,omitempty"`
	EventDate         string         `json:"event_date"` // YYYY-MM-DD, "" when unknown
	TimePrecision     int            `json:"time_precision"`
	DisorderType      string         `json:"disorder_type"`
	EventType         string         `json:"event_type"`
	SubEventType      string         `json:"sub_event_type"`
	Actor1            string         `json:"actor1"`
	AssocActor1       string         `json:"assoc_actor_1"`
	Inter1            int            `json:"inter1"`
	Actor2            string         `json:"actor2"`
	AssocActor2       string         `json:"assoc_actor_2"`
	Inter2            int            `json:"inter2"`
	Interaction       int            `json:"interaction"`
	CivilianTargeting string         `json:"civilian_targeting"`
	Country           string         `json:"country"`
	CountryCode       string         `json:"country_code"`
	ISO               int            `json:"iso"`
	Region            string         `json:"region"`
	Admin1            string         `json:"admin1"`
	Admin2            string         `json:"admin2"`
	Admin3            string         `json:"admin3"`
	Location          string         `json:"location"`
	Latitude          *float64       `json:"latitude"`
	Longitude         *float64       `json:"longitude"`
	GeoPrecision      int            `json:"geo_precision"`
	Fatalities        *int           `json:"fatalities"`
	Wounded           *int           `json:"wounded"`
	KilledBySide      map[string]int `json:"killed_by_side,omitempty"`
	Abducted          *int           `json:"abducted"`
	Arrested          *int           `json:"arrested"`
	ClaimedBy         string         `json:"claimed_by"`
	Source            string         `json:"source"`
	Notes             string         `json:"notes"`
	Confidence        float64        `json:"confidence"`
	Tags              []string       `json:"tags,omitempty"`
	Evidence          []Evidence     `json:"evidence"`
	Sources           []SourceRef    `json:"sources,omitempty"` // every article that reports it
	UpdatedAt         time.Time      `json:"updated_at,omitzero"`
}

// SourceRef names one article that reports an incident.
type SourceRef struct {
	ArticleID string `json:"article_id"`
	Doc       string `json:"doc"`
	Outlet    string `json:"outlet"`
	Published string `json:"published,omitempty"`
}

// EvidenceFor returns the evidence recorded for one field.
func (in *Incident) EvidenceFor(field string) []Evidence {
	var out []Evidence
	for _, e := range in.Evidence {
		if e.Field == field {
			out = append(out, e)
		}
	}
	return out
}

// Int returns a pointer to n, for the optional count fields.
func Int(n int) *int { return &n }

// Float returns a pointer to f, for the optional coordinates.
func Float(f float64) *float64 { return &f }
