package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// Page sizes: the default and the most one call returns.
const (
	defaultLimit = 100
	maxLimit     = 1000
)

const selectIncident = `SELECT i.id, i.event_id, i.doc, i.article_id, i.event_date, i.time_precision, i.disorder_type,
	i.event_type, i.sub_event_type, i.actor1, i.assoc_actor_1, i.inter1, i.actor2, i.assoc_actor_2, i.inter2,
	i.interaction, i.civilian_targeting, i.country, i.country_code, i.iso, i.region, i.admin1, i.admin2, i.admin3,
	i.location, i.latitude, i.longitude, i.geo_precision, i.fatalities, i.fatal_n, i.wounded, i.killed_by_side,
	i.abducted, i.arrested, i.claimed_by, i.source, i.notes, i.confidence, i.tags, i.updated_at`

// row is one scanned incident with its row id and sort keys.
type row struct {
	id     int64
	fatalN int
	in     incident.Incident
}

func scanIncident(rows *sql.Rows) (row, error) {
	var r row
	in := &r.in
	var lat, lon sql.NullFloat64
	var fat, wounded, abducted, arrested sql.NullInt64
	var kbs, tags, updated string
	err := rows.Scan(&r.id, &in.EventID, &in.Doc, &in.ArticleID, &in.EventDate, &in.TimePrecision, &in.DisorderType,
		&in.EventType, &in.SubEventType, &in.Actor1, &in.AssocActor1, &in.Inter1, &in.Actor2, &in.AssocActor2, &in.Inter2,
		&in.Interaction, &in.CivilianTargeting, &in.Country, &in.CountryCode, &in.ISO, &in.Region, &in.Admin1, &in.Admin2, &in.Admin3,
		&in.Location, &lat, &lon, &in.GeoPrecision, &fat, &r.fatalN, &wounded, &kbs,
		&abducted, &arrested, &in.ClaimedBy, &in.Source, &in.Notes, &in.Confidence, &tags, &updated)
	if err != nil {
		return r, err
	}
	in.Latitude, in.Longitude = floatPtr(lat), floatPtr(lon)
	in.Fatalities, in.Wounded = intPtr(fat), intPtr(wounded)
	in.Abducted, in.Arrested = intPtr(abducted), intPtr(arrested)
	if kbs != "" {
		if err := json.Unmarshal([]byte(kbs), &in.KilledBySide); err != nil {
			return r, fmt.Errorf("killed_by_side of %s: %w", in.EventID, err)
		}
	}
	if tags != "" {
		in.Tags = strings.Split(tags, "; ")
	}
	in.UpdatedAt = parseTime(updated)
	in.Evidence = []incident.Evidence{}
	return r, nil
}

func floatPtr(n sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	return &n.Float64
}

func intPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

// Incident returns one incident by its event ID, with its evidence and
// every article that reports it.
func (db *DB) Incident(ctx context.Context, id string) (incident.Incident, error) {
	rows, err := db.r.QueryContext(ctx, selectIncident+` FROM incidents i WHERE i.event_id = ?`, id)
	if err != nil {
		return incident.Incident{}, fmt.Errorf("sqlite: incident %s: %w", id, err)
	}
	page, err := db.collect(ctx, rows, 1)
	if err != nil {
		return incident.Incident{}, fmt.Errorf("sqlite: incident %s: %w", id, err)
	}
	if len(page) == 0 {
		return incident.Incident{}, fmt.Errorf("sqlite: incident %s: %w", id, incident.ErrNotFound)
	}
	return page[0].in, nil
}

// Incidents returns one page of the incidents the filter selects, in the
// filter's order, with their evidence and sources. Pages are cut by keyset
// (the last row's sort key and id), so a deep page costs what the first
// does and rows added meanwhile do not shift later pages.
func (db *DB) Incidents(ctx context.Context, f incident.Filter) (incident.Page, error) {
	h, err := db.hints(ctx, f)
	if err != nil {
		return incident.Page{}, fmt.Errorf("sqlite: incidents: %w", err)
	}
	q, err := buildQuery(f, true, h)
	if err != nil {
		return incident.Page{}, fmt.Errorf("sqlite: incidents: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	sqlText := selectIncident + " FROM " + q.from + q.whereSQL() + q.orderBy() + " LIMIT " + strconv.Itoa(limit+1)
	rows, err := db.r.QueryContext(ctx, sqlText, q.args...)
	if err != nil {
		return incident.Page{}, fmt.Errorf("sqlite: incidents: %w", err)
	}
	got, err := db.collect(ctx, rows, limit+1)
	if err != nil {
		return incident.Page{}, fmt.Errorf("sqlite: incidents: %w", err)
	}
	page := incident.Page{Incidents: make([]incident.Incident, 0, min(len(got), limit))}
	for i, r := range got {
		if i == limit {
			last := got[limit-1]
			key := last.in.EventDate
			if q.sort.col == "fatal_n" {
				key = strconv.Itoa(last.fatalN)
			}
			page.Next = encodeCursor(q.sort, key, last.id)
			break
		}
		page.Incidents = append(page.Incidents, r.in)
	}
	return page, nil
}

// collect scans up to n incidents from rows and attaches their evidence
// and sources with one query each.
func (db *DB) collect(ctx context.Context, rows *sql.Rows, n int) ([]row, error) {
	var out []row
	for rows.Next() && len(out) < n {
		r, err := scanIncident(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return nil, err
	}
	rows.Close()
	if len(out) == 0 {
		return out, nil
	}
	byID := make(map[int64]*incident.Incident, len(out))
	ids := make([]any, len(out))
	for i := range out {
		byID[out[i].id] = &out[i].in
		ids[i] = out[i].id
	}
	if err := db.attachEvidence(ctx, ids, byID); err != nil {
		return nil, err
	}
	return out, db.attachSources(ctx, ids, byID)
}

func (db *DB) attachEvidence(ctx context.Context, ids []any, byID map[int64]*incident.Incident) error {
	rows, err := db.r.QueryContext(ctx, `SELECT incident_id, field, span_start, span_end, quote, rule, article_id
		FROM evidence WHERE incident_id IN (`+placeholders(len(ids))+`) ORDER BY incident_id, n`, ids...)
	if err != nil {
		return fmt.Errorf("evidence: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var e incident.Evidence
		if err := rows.Scan(&id, &e.Field, &e.Start, &e.End, &e.Quote, &e.Rule, &e.ArticleID); err != nil {
			return fmt.Errorf("evidence: %w", err)
		}
		in := byID[id]
		in.Evidence = append(in.Evidence, e)
	}
	return rows.Err()
}

func (db *DB) attachSources(ctx context.Context, ids []any, byID map[int64]*incident.Incident) error {
	rows, err := db.r.QueryContext(ctx, `SELECT incident_id, article_id, doc, outlet, published
		FROM incident_sources WHERE incident_id IN (`+placeholders(len(ids))+`) ORDER BY incident_id, published, article_id`, ids...)
	if err != nil {
		return fmt.Errorf("sources: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var s incident.SourceRef
		if err := rows.Scan(&id, &s.ArticleID, &s.Doc, &s.Outlet, &s.Published); err != nil {
			return fmt.Errorf("sources: %w", err)
		}
		in := byID[id]
		in.Sources = append(in.Sources, s)
	}
	return rows.Err()
}

// smallSet is how many matches of a bounding box or a text query the store
// is willing to collect and sort; above it, each candidate row is checked
// instead.
const smallSet = 4000

// hints counts, up to smallSet, the incidents a filter's bounding box and
// text match, so the query can start from whichever is selective.
func (db *DB) hints(ctx context.Context, f incident.Filter) (hints, error) {
	var h hints
	if f.BBox != nil {
		if err := validBBox(*f.BBox); err != nil {
			return h, err
		}
		sub, args := geoSQL(*f.BBox)
		n, err := db.countUpTo(ctx, sub, args)
		if err != nil {
			return h, fmt.Errorf("bbox: %w", err)
		}
		h.smallBBox = n < db.smallSet
	}
	if fq := ftsQuery(f.Text); fq != "" {
		n, err := db.countUpTo(ctx, "SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?", []any{fq})
		if err != nil {
			return h, fmt.Errorf("text: %w", err)
		}
		h.smallText = n < db.smallSet
	}
	return h, nil
}

func (db *DB) countUpTo(ctx context.Context, sub string, args []any) (int, error) {
	var n int
	err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM ("+sub+" LIMIT "+strconv.Itoa(db.smallSet)+")", args...).Scan(&n)
	return n, err
}
