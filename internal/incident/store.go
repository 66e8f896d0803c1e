package incident

import (
	"context"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
)

// Filter selects incidents; the zero value selects all. Names follow
// ACLED's API where users know them.
type Filter struct {
	From, To      time.Time // event_date range, inclusive; zero = open
	Country       string    // country name or ISO alpha-2
	Admin1        string
	Actor         string // either side, associated actors included
	EventType     string
	SubEventType  string
	MinFatalities int
	BBox          *BBox
	Text          string // full-text over notes and sources
	Sort          string // "event_date" (default), "-event_date", "fatalities", "-fatalities"
	Cursor        string // opaque, from Page.Next
	Limit         int    // 0 = backend default
}

// BBox is a bounding box in WGS84 degrees.
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// Page is one page of incidents and the cursor of the next.
type Page struct {
	Incidents []Incident `json:"incidents"`
	Next      string     `json:"next,omitempty"`
}

// SeriesPoint is one bucket of a time series.
type SeriesPoint struct {
	Period     string `json:"period"` // start of the bucket, YYYY-MM-DD
	Key        string `json:"key,omitempty"`
	Incidents  int    `json:"incidents"`
	Fatalities int    `json:"fatalities"`
}

// ArticleQuery selects articles for listing and search.
type ArticleQuery struct {
	Text   string // FTS5 query; empty lists all
	Limit  int
	Offset int
}

// SaveResult says what saving one article did.
type SaveResult struct {
	ArticleID   string
	Created     bool   // false: the same content was already stored
	DuplicateOf string // set when a near-duplicate of a stored article
	Incidents   int
}

// Store is what the rest of sitrep needs from a backend. Every public
// method runs in its own transaction; SaveArticle stores an article and its
// incidents atomically, so a failure leaves nothing half-written.
type Store interface {
	SaveArticle(ctx context.Context, a *article.Article, incidents []Incident) (SaveResult, error)
	Article(ctx context.Context, id string) (article.Article, error)
	Articles(ctx context.Context, q ArticleQuery) ([]article.Article, error)
	Incident(ctx context.Context, id string) (Incident, error)
	Incidents(ctx context.Context, f Filter) (Page, error)
	Series(ctx context.Context, f Filter, interval, by string) ([]SeriesPoint, error)
	Close() error
}
