package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

const incidentCols = `event_id, doc, article_id, event_date, week, month, time_precision, disorder_type,
	event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction,
	civilian_targeting, country, country_lc, country_code, iso, region, admin1, admin1_lc, admin2, admin3,
	location, latitude, longitude, geo_precision, fatalities, fatal_n, wounded, killed_by_side, abducted,
	arrested, claimed_by, source, notes, confidence, tags, updated_at`

// upsertSQL inserts an incident or, when its stable ID is already stored
// (another report of it), updates it in place, keeping its row id.
var upsertSQL = `INSERT INTO incidents (` + incidentCols + `) VALUES (` + placeholders(43) + `)
	ON CONFLICT(event_id) DO UPDATE SET ` + updateSet(incidentCols) + ` RETURNING id`

func updateSet(cols string) string {
	var b strings.Builder
	for i, c := range strings.Split(cols, ",") {
		c = strings.TrimSpace(c)
		if c == "event_id" {
			continue
		}
		if i > 1 {
			b.WriteString(", ")
		}
		b.WriteString(c + " = excluded." + c)
	}
	return b.String()
}

func incidentArgs(in *incident.Incident) []any {
	week, month := buckets(in.EventDate)
	kbs := ""
	if len(in.KilledBySide) > 0 {
		b, _ := json.Marshal(in.KilledBySide) // map[string]int always marshals
		kbs = string(b)
	}
	return []any{in.EventID, in.Doc, in.ArticleID, in.EventDate, week, month, in.TimePrecision, in.DisorderType,
		in.EventType, in.SubEventType, in.Actor1, in.AssocActor1, in.Inter1, in.Actor2, in.AssocActor2, in.Inter2, in.Interaction,
		in.CivilianTargeting, in.Country, strings.ToLower(in.Country), strings.ToUpper(in.CountryCode), in.ISO, in.Region,
		in.Admin1, strings.ToLower(in.Admin1), in.Admin2, in.Admin3,
		in.Location, nullFloat(in.Latitude), nullFloat(in.Longitude), in.GeoPrecision, nullInt(in.Fatalities), fatalN(in),
		nullInt(in.Wounded), kbs, nullInt(in.Abducted), nullInt(in.Arrested), in.ClaimedBy, in.Source, in.Notes,
		in.Confidence, strings.Join(in.Tags, "; "), formatTime(in.UpdatedAt)}
}

// buckets returns the Monday of the ISO week and the first of the month of
// a YYYY-MM-DD date, or empty strings when the date is unknown or invalid.
func buckets(date string) (week, month string) {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return "", ""
	}
	wd := (int(t.Weekday()) + 6) % 7 // Monday = 0
	return t.AddDate(0, 0, -wd).Format(time.DateOnly), t.Format("2006-01") + "-01"
}

// fatalN is fatalities with unknown as 0, for sums and thresholds.
func fatalN(in *incident.Incident) int {
	if in.Fatalities == nil {
		return 0
	}
	return *in.Fatalities
}

func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func nullFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

var trailingParen = regexp.MustCompile(`\s*\([^()]*\)\s*$`)

// actorKeys lists the lower-cased names an actor filter should find an
// incident by: every actor on either side, associated actors ("; "
// separated, as in ACLED) included, each also without a trailing
// parenthetical such as a country or a year range.
func actorKeys(in *incident.Incident) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		s = strings.ToLower(strings.TrimSpace(s))
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, field := range []string{in.Actor1, in.Actor2, in.AssocActor1, in.AssocActor2} {
		for _, name := range strings.Split(field, ";") {
			add(name)
			add(trailingParen.ReplaceAllString(strings.TrimSpace(name), ""))
		}
	}
	return out
}

func writeActors(ctx context.Context, tx *wtx, id int64, in *incident.Incident) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM incident_actors WHERE incident_id = ?`, id); err != nil {
		return fmt.Errorf("clear actors: %w", err)
	}
	for _, k := range actorKeys(in) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO incident_actors (actor_key, event_date, incident_id, fatal_n) VALUES (?, ?, ?, ?)`,
			k, in.EventDate, id, fatalN(in)); err != nil {
			return fmt.Errorf("insert actor %q: %w", k, err)
		}
	}
	return nil
}

// writeEvidence replaces the evidence this article gave for the incident;
// evidence from other reports of the same incident stays.
func writeEvidence(ctx context.Context, tx *wtx, id int64, articleID string, ev []incident.Evidence) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM evidence WHERE incident_id = ? AND article_id = ?`, id, articleID); err != nil {
		return fmt.Errorf("clear evidence: %w", err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(n) + 1, 0) FROM evidence WHERE incident_id = ?`, id).Scan(&n); err != nil {
		return fmt.Errorf("number evidence: %w", err)
	}
	for i, e := range ev {
		aid := e.ArticleID
		if aid == "" {
			aid = articleID
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO evidence (incident_id, n, field, span_start, span_end, quote, rule, article_id)
			VALUES (?,?,?,?,?,?,?,?)`, id, n+i, e.Field, e.Start, e.End, e.Quote, e.Rule, aid); err != nil {
			return fmt.Errorf("insert evidence %s: %w", e.Field, err)
		}
	}
	return nil
}

// docName is the article's document name: the base of its source path or
// URL, as the gold files name documents.
func docName(a *article.Article) string {
	s := a.Source
	if s == "" {
		s = a.URL
	}
	if s == "" || s == "-" {
		return ""
	}
	return path.Base(strings.TrimRight(s, "/"))
}
