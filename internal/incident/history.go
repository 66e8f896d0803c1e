package incident

import (
	"context"
	"time"
)

// Revision is one change to a stored incident's field: by a report that
// joined it, a re-extraction of one of its articles, an analyst's
// correction, merge or split. Old and New are the field's values as text
// (JSON for structured fields); Why says what caused the change.
type Revision struct {
	IncidentID string    `json:"incident_id"`
	At         time.Time `json:"at"`
	Field      string    `json:"field"`
	Old        string    `json:"old"`
	New        string    `json:"new"`
	Why        string    `json:"why"`
	ArticleID  string    `json:"article_id,omitempty"`
}

// Tombstone records an incident ID that no longer stands on its own: it was
// merged into another incident (MergedInto) or lost its last report
// (MergedInto empty). Exports report tombstones as ACLED reports deletions.
type Tombstone struct {
	EventID    string    `json:"event_id"`
	MergedInto string    `json:"merged_into,omitempty"`
	Why        string    `json:"why"`
	At         time.Time `json:"at"`
}

// Correction is an analyst's override of one field of one incident. It is
// kept as such and applied again after every re-extraction or joining
// report, so the analyst's value survives the machine's.
type Correction struct {
	IncidentID string    `json:"incident_id"`
	Field      string    `json:"field"`
	Value      string    `json:"value"`
	Why        string    `json:"why"`
	Author     string    `json:"author"`
	At         time.Time `json:"at"`
}

// History is implemented by stores that keep revisions and tombstones.
// Callers type-assert a Store to it.
type History interface {
	// Revisions lists an incident's changes, oldest first.
	Revisions(ctx context.Context, incidentID string) ([]Revision, error)
	// Tombstones lists incidents merged away or withdrawn at or after since
	// (the zero time lists all), oldest first.
	Tombstones(ctx context.Context, since time.Time) ([]Tombstone, error)
}

// Corrector is implemented by stores that accept analyst corrections.
// Callers type-assert a Store to it.
type Corrector interface {
	// Correct sets one field of an incident and records the correction;
	// ErrInvalid for an unknown field or a value the field cannot hold,
	// ErrNotFound for an unknown incident.
	Correct(ctx context.Context, c Correction) (Incident, error)
	// MergeIncidents folds absorb into keep; absorb becomes a tombstone
	// pointing at keep.
	MergeIncidents(ctx context.Context, keep, absorb string, why string) (Incident, error)
	// SplitSource moves one article's report out of an incident into an
	// incident of its own, and returns the new incident.
	SplitSource(ctx context.Context, incidentID, articleID, why string) (Incident, error)
}
