package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
)

// recompute merges a cluster's live reports again, applies its
// corrections on top, and when the result differs from what is stored,
// writes it with one revision per changed field. A cluster left without
// reports becomes a tombstone. It reports whether anything changed.
func (db *DB) recompute(ctx context.Context, tx *wtx, clusterID string, ch change) (bool, error) {
	members, err := loadMembers(ctx, tx, clusterID)
	if err != nil {
		return false, err
	}
	if len(members) == 0 {
		return true, tombstone(ctx, tx, clusterID, "", "no longer extracted: "+ch.why, ch)
	}
	in := merge.Combine(members).Incident
	in.EventID = clusterID
	if err := applyCorrections(ctx, tx, &in); err != nil {
		return false, err
	}
	in.UpdatedAt = time.Time{}
	body, err := json.Marshal(in)
	if err != nil {
		return false, fmt.Errorf("encode incident %s: %w", clusterID, err)
	}
	var oldBody string
	if err := tx.QueryRowContext(ctx, `SELECT body FROM clusters WHERE id = ?`, clusterID).Scan(&oldBody); err != nil {
		return false, fmt.Errorf("cluster %s: %w", clusterID, err)
	}
	if oldBody == string(body) {
		return false, nil
	}
	if err := writeRevisions(ctx, tx, clusterID, oldBody, &in, ch); err != nil {
		return false, err
	}
	in.UpdatedAt = ch.at
	if err := writeMerged(ctx, tx, &in); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE clusters SET body = ? WHERE id = ?`, string(body), clusterID); err != nil {
		return false, fmt.Errorf("cluster %s: %w", clusterID, err)
	}
	return true, writeSketch(ctx, tx, clusterID, string(body))
}

// writeRevisions records how in differs from the incident stored as
// oldBody: one row per changed field, or one "created" row.
func writeRevisions(ctx context.Context, tx *wtx, id, oldBody string, in *incident.Incident, ch change) error {
	add := func(field, old, new string) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO revisions (incident_id, at, field, old_value, new_value, why, article_id)
			VALUES (?,?,?,?,?,?,?)`, id, formatTime(ch.at), field, old, new, ch.why, ch.article)
		if err != nil {
			return fmt.Errorf("revision of %s: %w", id, err)
		}
		return nil
	}
	if oldBody == "" {
		return add("incident", "", "created")
	}
	var old incident.Incident
	if err := json.Unmarshal([]byte(oldBody), &old); err != nil {
		return fmt.Errorf("decode incident %s: %w", id, err)
	}
	ov, nv := fieldValues(&old), fieldValues(in)
	for i := range nv {
		if ov[i][1] != nv[i][1] {
			if err := add(nv[i][0], ov[i][1], nv[i][1]); err != nil {
				return err
			}
		}
	}
	return nil
}

// fieldValues lists the fields revisions track, by ACLED name, as text.
func fieldValues(in *incident.Incident) [][2]string {
	var srcs []string
	for _, s := range in.Sources {
		srcs = append(srcs, s.ArticleID)
	}
	return [][2]string{
		{"event_date", in.EventDate}, {"time_precision", strconv.Itoa(in.TimePrecision)},
		{"disorder_type", in.DisorderType}, {"event_type", in.EventType}, {"sub_event_type", in.SubEventType},
		{"actor1", in.Actor1}, {"assoc_actor_1", in.AssocActor1}, {"inter1", strconv.Itoa(in.Inter1)},
		{"actor2", in.Actor2}, {"assoc_actor_2", in.AssocActor2}, {"inter2", strconv.Itoa(in.Inter2)},
		{"interaction", strconv.Itoa(in.Interaction)}, {"civilian_targeting", in.CivilianTargeting},
		{"country", in.Country}, {"country_code", in.CountryCode}, {"admin1", in.Admin1}, {"admin2", in.Admin2},
		{"admin3", in.Admin3}, {"location", in.Location}, {"latitude", floatText(in.Latitude)},
		{"longitude", floatText(in.Longitude)}, {"geo_precision", strconv.Itoa(in.GeoPrecision)},
		{"fatalities", intText(in.Fatalities)}, {"wounded", intText(in.Wounded)},
		{"abducted", intText(in.Abducted)}, {"arrested", intText(in.Arrested)},
		{"claimed_by", in.ClaimedBy}, {"source", in.Source}, {"notes", in.Notes},
		{"tags", strings.Join(in.Tags, "; ")}, {"sources", strings.Join(srcs, "; ")},
	}
}

func intText(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func floatText(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

// writeMerged writes a cluster's merged incident: its row, actor keys,
// evidence and sources. Sources that only a near-duplicate article gave
// (linked by addSourceToOriginal, not reports) are kept.
func writeMerged(ctx context.Context, tx *wtx, in *incident.Incident) error {
	var id int64
	if err := tx.QueryRowContext(ctx, upsertSQL, incidentArgs(in)...).Scan(&id); err != nil {
		return fmt.Errorf("upsert incident %s: %w", in.EventID, err)
	}
	if err := writeActors(ctx, tx, id, in); err != nil {
		return fmt.Errorf("incident %s: %w", in.EventID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM evidence WHERE incident_id = ?`, id); err != nil {
		return fmt.Errorf("incident %s: clear evidence: %w", in.EventID, err)
	}
	if err := writeEvidence(ctx, tx, id, in.ArticleID, in.Evidence); err != nil {
		return fmt.Errorf("incident %s: %w", in.EventID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM incident_sources WHERE incident_id = ?
		AND article_id NOT IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL)`, id); err != nil {
		return fmt.Errorf("incident %s: clear sources: %w", in.EventID, err)
	}
	for _, r := range in.Sources {
		if r.ArticleID == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO incident_sources (incident_id, article_id, doc, outlet, published)
			VALUES (?,?,?,?,?) ON CONFLICT(incident_id, article_id) DO UPDATE SET
			doc = excluded.doc, outlet = excluded.outlet, published = excluded.published`,
			id, r.ArticleID, r.Doc, r.Outlet, r.Published); err != nil {
			return fmt.Errorf("incident %s: source %s: %w", in.EventID, r.ArticleID, err)
		}
	}
	return nil
}

// tombstone retires a cluster ID: into is the incident that absorbed it,
// or "" when it lost its last report. Its incident row goes (series follow
// by trigger); its near-duplicate sources, corrections of fields the
// survivor has not corrected, and tombstones pointing at it move to into.
func tombstone(ctx context.Context, tx *wtx, id, into, why string, ch change) error {
	type stmt struct {
		q    string
		args []any
	}
	var steps []stmt
	if into != "" {
		steps = append(steps,
			stmt{`UPDATE OR IGNORE incident_sources SET incident_id = (SELECT id FROM incidents WHERE event_id = ?)
				WHERE incident_id = (SELECT id FROM incidents WHERE event_id = ?)
				AND article_id IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL)`, []any{into, id}},
			stmt{`UPDATE corrections SET incident_id = ? WHERE incident_id = ?
				AND field NOT IN (SELECT field FROM corrections WHERE incident_id = ?)`, []any{into, id, into}},
			stmt{`UPDATE tombstones SET merged_into = ? WHERE merged_into = ?`, []any{into, id}})
	}
	steps = append(steps, stmt{`DELETE FROM incidents WHERE event_id = ?`, []any{id}},
		stmt{`DELETE FROM clusters WHERE id = ?`, []any{id}},
		stmt{`DELETE FROM cluster_sketches WHERE id = ?`, []any{id}})
	for _, s := range steps {
		if _, err := tx.ExecContext(ctx, s.q, s.args...); err != nil {
			return fmt.Errorf("tombstone %s: %w", id, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO tombstones (event_id, merged_into, why, at) VALUES (?,?,?,?)`,
		id, into, why, formatTime(ch.at)); err != nil {
		return fmt.Errorf("tombstone %s: %w", id, err)
	}
	state := "withdrawn"
	if into != "" {
		state = "merged into " + into
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO revisions (incident_id, at, field, old_value, new_value, why, article_id)
		VALUES (?,?,?,?,?,?,?)`, id, formatTime(ch.at), "incident", "live", state, why, ch.article)
	return err
}

// applyCorrections sets the analyst's values over the merged ones, oldest
// first, so the latest correction of a field wins, and says so in the
// notes (a merged note may still name the machine's figure).
func applyCorrections(ctx context.Context, tx *wtx, in *incident.Incident) error {
	rows, err := tx.QueryContext(ctx, `SELECT field, value, why FROM corrections WHERE incident_id = ? ORDER BY id`, in.EventID)
	if err != nil {
		return fmt.Errorf("corrections of %s: %w", in.EventID, err)
	}
	defer rows.Close()
	var said []string
	for rows.Next() {
		var field, value, why string
		if err := rows.Scan(&field, &value, &why); err != nil {
			return err
		}
		if err := setField(in, field, value); err != nil {
			return fmt.Errorf("correction of %s: %w", in.EventID, err)
		}
		if field != "notes" {
			said = append(said, fmt.Sprintf("%s set to %q (%s)", field, value, why))
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(said) > 0 {
		in.Notes = strings.TrimSpace(in.Notes + " Analyst corrections: " + strings.Join(said, "; ") + ".")
	}
	return nil
}
