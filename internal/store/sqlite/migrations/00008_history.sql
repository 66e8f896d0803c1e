-- +goose Up
-- Merging at ingest (see internal/merge/DESIGN.md). A report is one
-- incident as coded from one article; a cluster is one event, and the
-- incidents table holds its merged incident under the cluster's stable ID.
CREATE TABLE clusters (
    seq        INTEGER PRIMARY KEY,          -- creation order
    id         TEXT    NOT NULL UNIQUE,      -- the merged incident's event_id
    body       TEXT    NOT NULL DEFAULT '',  -- the merged incident as last written (JSON)
    created_at TEXT    NOT NULL
);

CREATE TABLE reports (
    seq          INTEGER PRIMARY KEY,        -- ingestion order
    id           TEXT    NOT NULL UNIQUE,    -- stable across re-extraction
    article_id   TEXT    NOT NULL,
    cluster_id   TEXT    NOT NULL,
    origin_id    TEXT    NOT NULL,           -- the ID it would stand under alone
    body         TEXT    NOT NULL,           -- the incident as extracted (JSON)
    country_key  TEXT    NOT NULL DEFAULT '',
    day_lo       INTEGER,                    -- merge.Window, NULL when undated
    day_hi       INTEGER,
    withdrawn_at TEXT                        -- no longer extracted from its article
);
CREATE INDEX reports_block ON reports(country_key, day_lo) WHERE withdrawn_at IS NULL AND day_lo IS NOT NULL;
CREATE INDEX reports_cluster ON reports(cluster_id, seq);
CREATE INDEX reports_article ON reports(article_id, seq);

CREATE TABLE revisions (
    id          INTEGER PRIMARY KEY,
    incident_id TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    field       TEXT    NOT NULL,
    old_value   TEXT    NOT NULL DEFAULT '',
    new_value   TEXT    NOT NULL DEFAULT '',
    why         TEXT    NOT NULL,
    article_id  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX revisions_incident ON revisions(incident_id, id);

CREATE TABLE tombstones (
    event_id    TEXT PRIMARY KEY,
    merged_into TEXT NOT NULL DEFAULT '',
    why         TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX tombstones_at ON tombstones(at);

CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY,
    incident_id TEXT    NOT NULL,
    field       TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    why         TEXT    NOT NULL,
    author      TEXT    NOT NULL,
    at          TEXT    NOT NULL
);
CREATE INDEX corrections_incident ON corrections(incident_id, id);
