package server

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// memStore is a small in-memory incident.Store for handler tests. It
// implements the filters simply and exactly, so a test failure points at
// the handler, not at a backend.
type memStore struct {
	mu        sync.Mutex
	articles  map[string]article.Article
	incidents []incident.Incident
	fail      error // returned by every method when set
}

var _ incident.Store = (*memStore)(nil)

type demoData struct {
	Articles  []article.Article   `json:"articles"`
	Incidents []incident.Incident `json:"incidents"`
}

func loadDemo(t testing.TB) demoData {
	t.Helper()
	b, err := os.ReadFile("testdata/demo.json")
	if err != nil {
		t.Fatal(err)
	}
	var d demoData
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

func newMemStore(t testing.TB) *memStore {
	d := loadDemo(t)
	m := &memStore{articles: map[string]article.Article{}}
	for _, a := range d.Articles {
		m.articles[a.ID] = a
	}
	m.incidents = d.Incidents
	return m
}

func (m *memStore) SaveArticle(_ context.Context, a *article.Article, ins []incident.Incident) (incident.SaveResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return incident.SaveResult{}, m.fail
	}
	_, existed := m.articles[a.ID]
	m.articles[a.ID] = *a
	if !existed {
		m.incidents = append(m.incidents, ins...)
	}
	return incident.SaveResult{ArticleID: a.ID, Created: !existed, Incidents: len(ins)}, nil
}

func (m *memStore) Article(_ context.Context, id string) (article.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return article.Article{}, m.fail
	}
	a, ok := m.articles[id]
	if !ok {
		return a, fmt.Errorf("article %s: %w", id, incident.ErrNotFound)
	}
	return a, nil
}

func (m *memStore) Articles(context.Context, incident.ArticleQuery) ([]article.Article, error) {
	return nil, fmt.Errorf("memstore: articles not needed: %w", incident.ErrInvalid)
}

func (m *memStore) Incident(_ context.Context, id string) (incident.Incident, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return incident.Incident{}, m.fail
	}
	for _, in := range m.incidents {
		if in.EventID == id {
			return in, nil
		}
	}
	return incident.Incident{}, fmt.Errorf("incident %s: %w", id, incident.ErrNotFound)
}

func (m *memStore) match(f incident.Filter) []incident.Incident {
	var out []incident.Incident
	for _, in := range m.incidents {
		if matches(in, f) {
			out = append(out, in)
		}
	}
	desc := strings.HasPrefix(f.Sort, "-")
	byFat := strings.HasSuffix(f.Sort, "fatalities")
	slices.SortStableFunc(out, func(a, b incident.Incident) int {
		c := strings.Compare(a.EventDate, b.EventDate)
		if byFat {
			c = deref(a.Fatalities) - deref(b.Fatalities)
		}
		if c == 0 {
			c = strings.Compare(a.EventID, b.EventID)
		}
		if desc {
			return -c
		}
		return c
	})
	return out
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

func matches(in incident.Incident, f incident.Filter) bool {
	d, _ := time.Parse(time.DateOnly, in.EventDate)
	switch {
	case !f.From.IsZero() && d.Before(f.From), !f.To.IsZero() && d.After(f.To):
		return false
	case f.Country != "" && !strings.EqualFold(f.Country, in.Country) && !strings.EqualFold(f.Country, in.CountryCode):
		return false
	case f.Admin1 != "" && !strings.EqualFold(f.Admin1, in.Admin1):
		return false
	case f.Actor != "" && !slices.ContainsFunc([]string{in.Actor1, in.Actor2, in.AssocActor1, in.AssocActor2},
		func(a string) bool { return strings.EqualFold(a, f.Actor) }):
		return false
	case f.EventType != "" && f.EventType != in.EventType, f.SubEventType != "" && f.SubEventType != in.SubEventType:
		return false
	case f.MinFatalities > 0 && deref(in.Fatalities) < f.MinFatalities:
		return false
	case f.Text != "" && !strings.Contains(strings.ToLower(in.Notes+" "+in.Source), strings.ToLower(f.Text)):
		return false
	}
	if b := f.BBox; b != nil {
		if in.Latitude == nil || in.Longitude == nil || *in.Longitude < b.MinLon || *in.Longitude > b.MaxLon ||
			*in.Latitude < b.MinLat || *in.Latitude > b.MaxLat {
			return false
		}
	}
	return true
}

func (m *memStore) Incidents(_ context.Context, f incident.Filter) (incident.Page, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return incident.Page{}, m.fail
	}
	all := m.match(f)
	start := 0
	if f.Cursor != "" {
		n, err := strconv.Atoi(f.Cursor)
		if err != nil || n < 0 || n > len(all) {
			return incident.Page{}, fmt.Errorf("cursor %q: %w", f.Cursor, incident.ErrInvalid)
		}
		start = n
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	end := min(start+limit, len(all))
	p := incident.Page{Incidents: all[start:end]}
	if end < len(all) {
		p.Next = strconv.Itoa(end)
	}
	return p, nil
}

func (m *memStore) Series(_ context.Context, f incident.Filter, interval, by string) ([]incident.SeriesPoint, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return nil, m.fail
	}
	type key struct{ period, key string }
	sums := map[key]*incident.SeriesPoint{}
	var order []key
	for _, in := range m.match(f) {
		d, err := time.Parse(time.DateOnly, in.EventDate)
		if err != nil {
			continue
		}
		if interval == "week" {
			d = d.AddDate(0, 0, -(int(d.Weekday())+6)%7)
		}
		k := key{period: d.Format(time.DateOnly)}
		switch by {
		case "admin1":
			k.key = in.Admin1
		case "event_type":
			k.key = in.EventType
		}
		if sums[k] == nil {
			sums[k] = &incident.SeriesPoint{Period: k.period, Key: k.key}
			order = append(order, k)
		}
		sums[k].Incidents++
		sums[k].Fatalities += deref(in.Fatalities)
	}
	out := make([]incident.SeriesPoint, 0, len(order))
	for _, k := range order {
		out = append(out, *sums[k])
	}
	return out, nil
}

func (m *memStore) Close() error { return nil }
