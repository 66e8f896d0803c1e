package sqlite

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// bucketCols maps an interval to the column holding each incident's bucket
// start, precomputed on write (weeks start on Monday, as ISO weeks do).
var bucketCols = map[string]string{"day": "event_date", "week": "week", "month": "month"}

// keyCols maps a breakdown to the column it groups by; "actor" is handled
// apart because an incident counts once for each side.
var keyCols = map[string]string{"": "''", "admin1": "i.admin1", "event_type": "i.event_type", "country": "i.country"}

// Series counts incidents and sums fatalities per bucket of interval
// ("day", "week" or "month"; default week), optionally broken down by
// admin1, actor (each of actor1 and actor2), event_type or country. The
// filter's sort, cursor and limit do not apply; incidents without a date
// are left out. Without a breakdown, empty buckets between the first and
// last (or the filter's From and To) are returned with zero counts, so the
// series is continuous.
func (db *DB) Series(ctx context.Context, f incident.Filter, interval, by string) ([]incident.SeriesPoint, error) {
	if interval == "" {
		interval = "week"
	}
	bcol, ok := bucketCols[interval]
	if !ok {
		return nil, fmt.Errorf("sqlite: series: interval %q: want day, week or month: %w", interval, incident.ErrInvalid)
	}
	f.Sort, f.Cursor = "", ""
	if sqlText, args, ok := rollupQuery(f, by); ok {
		return db.series(ctx, sqlText, args, by, interval, f)
	}
	if sqlText, args, ok := actorSeriesQuery(f, by); ok {
		return db.series(ctx, sqlText, args, by, interval, f)
	}
	return db.seriesRaw(ctx, f, interval, bcol, by)
}

// seriesRaw computes a series from the incidents themselves.
func (db *DB) seriesRaw(ctx context.Context, f incident.Filter, interval, bcol, by string) ([]incident.SeriesPoint, error) {
	h, err := db.hints(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("sqlite: series: %w", err)
	}
	q, err := buildQuery(f, false, h)
	if err != nil {
		return nil, fmt.Errorf("sqlite: series: %w", err)
	}
	var sqlText string
	var args []any
	if by == "actor" {
		part := func(actor, extra string) string {
			return "SELECT i." + bcol + " AS b, " + actor + " AS k, i.fatal_n AS f FROM " + q.from + q.whereSQL() +
				and(q) + "i." + bcol + " <> '' AND " + actor + " <> ''" + extra
		}
		sqlText = "SELECT b, k, count(*), sum(f) FROM (" + part("i.actor1", "") + " UNION ALL " +
			part("i.actor2", " AND i.actor2 <> i.actor1") + ") GROUP BY b, k ORDER BY b, k"
		args = append(append(args, q.args...), q.args...)
	} else {
		kcol, ok := keyCols[by]
		if !ok {
			return nil, fmt.Errorf("sqlite: series: by %q: want admin1, actor, event_type or country: %w", by, incident.ErrInvalid)
		}
		sqlText = "SELECT i." + bcol + ", " + kcol + ", count(*), sum(i.fatal_n) FROM " + q.from + q.whereSQL() +
			and(q) + "i." + bcol + " <> '' " + groupBy(by)
		args = q.args
	}
	return db.series(ctx, sqlText, args, by, interval, f)
}

// groupBy groups by bucket, and by key when there is one: grouping by a
// constant too would make SQLite sort what an index already orders.
func groupBy(by string) string {
	if by == "" {
		return "GROUP BY 1 ORDER BY 1"
	}
	return "GROUP BY 1, 2 ORDER BY 1, 2"
}

// rollup is a daily summary table kept by triggers: the filters it can
// apply beyond dates and country, and the breakdowns it can give.
type rollup struct {
	table     string
	eventType bool              // has event_type
	admin1    bool              // has admin1_lc
	keys      map[string]string // breakdown → column
}

// rollups, tried in order. series_actor has no "" key: summing it would
// count an incident once per side.
var rollups = []rollup{
	{table: "series_daily", eventType: true, keys: map[string]string{"": "''", "country": "s.country", "event_type": "s.event_type"}},
	{table: "series_admin1", admin1: true, keys: map[string]string{"": "''", "country": "s.country", "admin1": "s.admin1"}},
	{table: "series_actor", keys: map[string]string{"actor": "s.actor"}},
}

// rollupQuery answers from a rollup when the filter and breakdown use only
// what it keeps.
// It groups by day, in the rollup's key order, and series folds the days
// into buckets: cheaper than having SQLite sort by week.
func rollupQuery(f incident.Filter, by string) (string, []any, bool) {
	if f.Actor != "" || f.SubEventType != "" || f.MinFatalities > 0 || f.BBox != nil || ftsQuery(f.Text) != "" {
		return "", nil, false
	}
	for _, r := range rollups {
		key, ok := r.keys[by]
		if !ok || (f.EventType != "" && !r.eventType) || (f.Admin1 != "" && !r.admin1) {
			continue
		}
		q := &query{}
		if !f.From.IsZero() {
			q.and("s.event_date >= ?", f.From.Format(time.DateOnly))
		}
		if !f.To.IsZero() {
			q.and("s.event_date <= ?", f.To.Format(time.DateOnly))
		}
		if c := strings.TrimSpace(f.Country); len(c) == 2 {
			q.and("s.country_code = ?", strings.ToUpper(c))
		} else if c != "" {
			q.and("s.country_lc = ?", strings.ToLower(c))
		}
		if et := strings.TrimSpace(f.EventType); et != "" {
			q.and("s.event_type = ?", canonicalEventType(et))
		}
		if a := strings.TrimSpace(f.Admin1); a != "" {
			q.and("s.admin1_lc = ?", strings.ToLower(a))
		}
		return "SELECT s.event_date, " + key + ", sum(s.n), sum(s.fatalities) FROM " + r.table + " s" + q.whereSQL() + " " + groupBy(by), q.args, true
	}
	return "", nil, false
}

// actorSeriesQuery answers the series of one actor, over dates only, from
// the actor index, which holds each incident's date and fatalities.
func actorSeriesQuery(f incident.Filter, by string) (string, []any, bool) {
	actor := strings.ToLower(strings.TrimSpace(f.Actor))
	if actor == "" || by != "" || f.Country != "" || f.Admin1 != "" || f.EventType != "" || f.SubEventType != "" ||
		f.MinFatalities > 0 || f.BBox != nil || ftsQuery(f.Text) != "" {
		return "", nil, false
	}
	q := &query{}
	q.and("x.actor_key = ?", actor)
	q.and("x.event_date <> ''")
	if !f.From.IsZero() {
		q.and("x.event_date >= ?", f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		q.and("x.event_date <= ?", f.To.Format(time.DateOnly))
	}
	return "SELECT x.event_date, '', count(*), sum(x.fatal_n) FROM incident_actors x" + q.whereSQL() + " GROUP BY 1 ORDER BY 1", q.args, true
}

// series runs a series query and, without a breakdown, fills empty buckets.
func (db *DB) series(ctx context.Context, sqlText string, args []any, by, interval string, f incident.Filter) ([]incident.SeriesPoint, error) {
	rows, err := db.r.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: series: %w", err)
	}
	defer rows.Close()
	type bk struct{ period, key string }
	idx := map[bk]int{}
	var out []incident.SeriesPoint
	for rows.Next() {
		var p incident.SeriesPoint
		if err := rows.Scan(&p.Period, &p.Key, &p.Incidents, &p.Fatalities); err != nil {
			return nil, fmt.Errorf("sqlite: series: %w", err)
		}
		if t, err := time.Parse(time.DateOnly, p.Period); err == nil {
			p.Period = bucketStart(t, interval).Format(time.DateOnly) // days from a rollup fold into buckets
		}
		if i, ok := idx[bk{p.Period, p.Key}]; ok {
			out[i].Incidents += p.Incidents
			out[i].Fatalities += p.Fatalities
			continue
		}
		idx[bk{p.Period, p.Key}] = len(out)
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: series: %w", err)
	}
	slices.SortFunc(out, func(a, b incident.SeriesPoint) int {
		return cmp.Or(strings.Compare(a.Period, b.Period), strings.Compare(a.Key, b.Key))
	})
	if by == "" {
		out = fillGaps(out, interval, f.From, f.To)
	}
	return out, nil
}

// and joins one more condition onto a query's WHERE clause.
func and(q *query) string {
	if len(q.where) == 0 {
		return " WHERE "
	}
	return " AND "
}

// bucketStart returns the start of the bucket holding t.
func bucketStart(t time.Time, interval string) time.Time {
	switch interval {
	case "week":
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	case "month":
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

func nextBucket(t time.Time, interval string) time.Time {
	switch interval {
	case "week":
		return t.AddDate(0, 0, 7)
	case "month":
		return t.AddDate(0, 1, 0)
	}
	return t.AddDate(0, 0, 1)
}

// fillGaps inserts zero points for empty buckets between from (or the first
// point) and to (or the last point).
func fillGaps(pts []incident.SeriesPoint, interval string, from, to time.Time) []incident.SeriesPoint {
	if len(pts) == 0 && (from.IsZero() || to.IsZero()) {
		return pts
	}
	start, end := from, to
	if len(pts) > 0 {
		first, err1 := time.Parse(time.DateOnly, pts[0].Period)
		last, err2 := time.Parse(time.DateOnly, pts[len(pts)-1].Period)
		if err1 != nil || err2 != nil {
			return pts
		}
		if start.IsZero() || first.Before(start) {
			start = first
		}
		if end.IsZero() || last.After(end) {
			end = last
		}
	}
	start = bucketStart(time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC), interval)
	end = time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, time.UTC)
	if end.Sub(start) > 100*366*24*time.Hour {
		return pts // an absurd range; do not allocate for it
	}
	out := make([]incident.SeriesPoint, 0, len(pts))
	i := 0
	for t := start; !t.After(end); t = nextBucket(t, interval) {
		p := t.Format(time.DateOnly)
		if i < len(pts) && pts[i].Period == p {
			out = append(out, pts[i])
			i++
			continue
		}
		out = append(out, incident.SeriesPoint{Period: p})
	}
	return out
}
