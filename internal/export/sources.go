package export

import (
	"context"
	"slices"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
)

// MaxSourcesIncidents bounds how many stored incidents LoadSources reads.
const MaxSourcesIncidents = 2_000_000

// Sources is the outlets' track record over a whole store: each outlet's
// profile, and which stored incidents only one low-corroboration outlet
// reports. The stored incidents are merged first, so a report that another
// outlet's report of the same event corroborates is not unverified.
type Sources struct {
	Profiles    []merge.Profile
	Credibility merge.Credibility
	// unverified maps every stored event_id of a merged incident to its
	// verdict; incidents stored after LoadSources fall back to judging the
	// incident alone against the profiles.
	unverified map[string]bool
}

// LoadSources reads every stored incident, merges reports of one event and
// profiles the outlets, with merge's default credibility rule.
func LoadSources(ctx context.Context, st Pager) (*Sources, error) {
	reports, err := Collect(ctx, st, incident.Filter{}, MaxSourcesIncidents)
	if err != nil {
		return nil, err
	}
	return NewSources(reports, merge.DefaultCredibility()), nil
}

// NewSources profiles the outlets of reports (stored incidents, in any
// order) and judges each merged incident.
func NewSources(reports []incident.Incident, cr merge.Credibility) *Sources {
	clusters := merge.Merge(merge.ByIngestion(reports), merge.DefaultOptions())
	s := &Sources{Profiles: merge.Profiles(clusters), Credibility: cr, unverified: make(map[string]bool, len(reports))}
	for i := range clusters {
		c := &clusters[i]
		v := merge.Unverified(c, s.Profiles, cr)
		s.unverified[c.ID] = v
		s.unverified[c.Incident.EventID] = v
		for _, m := range c.Members {
			s.unverified[m.EventID] = v
		}
	}
	return s
}

// Unverified reports whether in is reported by a single low-corroboration
// outlet. An incident already tagged unverified (by a store that merges at
// ingest) stays so.
func (s *Sources) Unverified(in *incident.Incident) bool {
	if slices.Contains(in.Tags, merge.TagUnverified) {
		return true
	}
	if v, ok := s.unverified[in.EventID]; ok {
		return v
	}
	c := merge.Cluster{ID: in.EventID, Incident: *in, Members: []incident.Incident{*in}}
	return merge.Unverified(&c, s.Profiles, s.Credibility)
}

// Tag adds the unverified tag to in when Unverified says so, in place.
func (s *Sources) Tag(in *incident.Incident) {
	if s.Unverified(in) && !slices.Contains(in.Tags, merge.TagUnverified) {
		in.Tags = append(slices.Clone(in.Tags), merge.TagUnverified)
		slices.Sort(in.Tags)
	}
}

// Tagging wraps w so every incident written carries the unverified tag
// when it deserves it, which the flat formats' unverified column reads.
func (s *Sources) Tagging(w Writer) Writer { return taggingWriter{w, s} }

type taggingWriter struct {
	Writer
	s *Sources
}

func (t taggingWriter) Write(in *incident.Incident) error {
	c := *in
	t.s.Tag(&c)
	return t.Writer.Write(&c)
}
