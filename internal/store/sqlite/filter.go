package sqlite

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// sortSpec is one supported ordering: the sort-key column and direction.
type sortSpec struct {
	name string
	col  string // in incidents i
	desc bool
}

var sorts = map[string]sortSpec{
	"":            {"event_date", "event_date", false},
	"event_date":  {"event_date", "event_date", false},
	"-event_date": {"-event_date", "event_date", true},
	"fatalities":  {"fatalities", "fatal_n", false},
	"-fatalities": {"-fatalities", "fatal_n", true},
}

// query is a SELECT over incidents being assembled from a Filter.
type query struct {
	from  string // FROM clause; the incidents table is always aliased i
	where []string
	args  []any
	key   string // sort-key expression
	id    string // tie-breaking id expression
	sort  sortSpec
}

func (q *query) and(cond string, args ...any) {
	q.where = append(q.where, cond)
	q.args = append(q.args, args...)
}

func (q *query) whereSQL() string {
	if len(q.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(q.where, " AND ")
}

// hints are what a quick look at the data says about a filter: whether its
// bounding box and its text match few enough incidents to start from them.
type hints struct {
	smallBBox, smallText bool
}

// buildQuery turns a filter into FROM/WHERE clauses. With an actor filter
// and a date sort, the walk starts from the actor index, which holds each
// incident's date, so a page of a busy actor reads in order with no sort.
func buildQuery(f incident.Filter, paged bool, h hints) (*query, error) {
	s, ok := sorts[f.Sort]
	if !ok {
		return nil, fmt.Errorf("sort %q: want event_date, -event_date, fatalities or -fatalities: %w", f.Sort, incident.ErrInvalid)
	}
	q := &query{from: "incidents i", key: "i." + s.col, id: "i.id", sort: s}
	if actor := strings.ToLower(strings.TrimSpace(f.Actor)); actor != "" {
		if paged && s.col == "event_date" {
			q.from = "incident_actors x CROSS JOIN incidents i ON i.id = x.incident_id"
			q.key, q.id = "x.event_date", "x.incident_id"
			q.and("x.actor_key = ?", actor)
		} else {
			q.and("i.id IN (SELECT incident_id FROM incident_actors WHERE actor_key = ?)", actor)
		}
	}
	dateCol := "i.event_date"
	if q.key == "x.event_date" {
		dateCol = q.key
	}
	if !f.From.IsZero() {
		q.and(dateCol+" >= ?", f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		q.and(dateCol+" <= ? AND "+dateCol+" > ''", f.To.Format(time.DateOnly))
	}
	addFieldFilters(q, f)
	if f.BBox != nil {
		if err := addBBox(q, *f.BBox, h.smallBBox); err != nil {
			return nil, err
		}
	}
	if fq := ftsQuery(f.Text); fq != "" {
		if h.smallText {
			q.and("i.id IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?)", fq)
		} else { // probe each candidate rather than materialise a huge match set
			q.and("EXISTS (SELECT 1 FROM incidents_fts WHERE incidents_fts MATCH ? AND rowid = i.id)", fq)
		}
	}
	if paged && f.Cursor != "" {
		if err := addCursor(q, f.Cursor); err != nil {
			return nil, err
		}
	}
	return q, nil
}

func addFieldFilters(q *query, f incident.Filter) {
	if c := strings.TrimSpace(f.Country); c != "" {
		if len(c) == 2 {
			q.and("i.country_code = ?", strings.ToUpper(c))
		} else {
			q.and("i.country_lc = ?", strings.ToLower(c))
		}
	}
	if a := strings.TrimSpace(f.Admin1); a != "" {
		q.and("i.admin1_lc = ?", strings.ToLower(a))
	}
	if et := strings.TrimSpace(f.EventType); et != "" {
		q.and("i.event_type = ?", canonicalEventType(et))
	}
	if st := strings.TrimSpace(f.SubEventType); st != "" {
		if s, ok := incident.LookupSubEvent(st); ok {
			st = s.Name
		}
		q.and("i.sub_event_type = ?", st)
	}
	if f.MinFatalities > 0 {
		q.and("i.fatal_n >= ?", f.MinFatalities)
	}
}

// canonicalEventType spells an event type as ACLED does, whatever the
// caller's case.
func canonicalEventType(s string) string {
	for _, st := range incident.SubEventTypes() {
		if strings.EqualFold(st.EventType, s) {
			return st.EventType
		}
	}
	return s
}

func validBBox(b incident.BBox) error {
	if b.MinLat > b.MaxLat || b.MinLat < -90 || b.MaxLat > 90 || b.MinLon < -180 || b.MaxLon > 180 || b.MaxLon < -180 || b.MinLon > 180 {
		return fmt.Errorf("bbox %v: %w", b, incident.ErrInvalid)
	}
	return nil
}

// geoSQL selects the ids of incidents inside b from the R*Tree; a box whose
// MinLon exceeds its MaxLon crosses the antimeridian.
func geoSQL(b incident.BBox) (string, []any) {
	const sel = "SELECT id FROM incidents_geo WHERE min_lat >= ? AND max_lat <= ? AND min_lon >= ? AND max_lon <= ?"
	if b.MinLon <= b.MaxLon {
		return sel, []any{b.MinLat, b.MaxLat, b.MinLon, b.MaxLon}
	}
	return sel + " UNION ALL " + sel, []any{b.MinLat, b.MaxLat, b.MinLon, 180.0, b.MinLat, b.MaxLat, -180.0, b.MaxLon}
}

// addBBox starts from the R*Tree when the box holds few incidents; else it
// checks each candidate's point (the unary + keeps the planner from
// preferring a coordinate scan over the filter's other indexes).
func addBBox(q *query, b incident.BBox, small bool) error {
	if err := validBBox(b); err != nil {
		return err
	}
	if small {
		sub, args := geoSQL(b)
		q.and("i.id IN ("+sub+")", args...)
		return nil
	}
	q.and("+i.latitude BETWEEN ? AND ?", b.MinLat, b.MaxLat)
	if b.MinLon <= b.MaxLon {
		q.and("+i.longitude BETWEEN ? AND ?", b.MinLon, b.MaxLon)
	} else {
		q.and("(+i.longitude >= ? OR +i.longitude <= ?)", b.MinLon, b.MaxLon)
	}
	return nil
}

// Cursors are opaque to callers: base64url of "sort|key|id", where key is
// the sort key of the last incident on the page.
func encodeCursor(s sortSpec, key string, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(s.name + "|" + key + "|" + strconv.FormatInt(id, 10)))
}

func addCursor(q *query, c string) error {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return fmt.Errorf("cursor: %w", incident.ErrInvalid)
	}
	parts := strings.Split(string(raw), "|")
	if len(parts) != 3 || parts[0] != q.sort.name {
		return fmt.Errorf("cursor does not belong to sort %q: %w", q.sort.name, incident.ErrInvalid)
	}
	id, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil {
		return fmt.Errorf("cursor id: %w", incident.ErrInvalid)
	}
	var key any = parts[1]
	if q.sort.col == "fatal_n" {
		n, err := strconv.Atoi(parts[1])
		if err != nil {
			return fmt.Errorf("cursor key: %w", incident.ErrInvalid)
		}
		key = n
	}
	op, bound := ">", ">="
	if q.sort.desc {
		op, bound = "<", "<="
	}
	// The redundant single-column bound lets SQLite seek the index.
	q.and(fmt.Sprintf("%s %s ? AND (%s, %s) %s (?, ?)", q.key, bound, q.key, q.id, op), key, key, id)
	return nil
}

func (q *query) orderBy() string {
	dir := ""
	if q.sort.desc {
		dir = " DESC"
	}
	return " ORDER BY " + q.key + dir + ", " + q.id + dir
}
