-- +goose Up
-- Incidents carry every field of incident.Incident. The *_lc columns hold
-- lower-cased copies for case-insensitive filters; week and month hold the
-- bucket starts of event_date so series group without date arithmetic;
-- fatal_n is fatalities with unknown as 0, for sorting and thresholds.
CREATE TABLE incidents (
    id                 INTEGER PRIMARY KEY,
    event_id           TEXT    NOT NULL UNIQUE,
    doc                TEXT    NOT NULL DEFAULT '',
    article_id         TEXT    NOT NULL DEFAULT '',
    event_date         TEXT    NOT NULL DEFAULT '',
    week               TEXT    NOT NULL DEFAULT '',
    month              TEXT    NOT NULL DEFAULT '',
    time_precision     INTEGER NOT NULL DEFAULT 0,
    disorder_type      TEXT    NOT NULL DEFAULT '',
    event_type         TEXT    NOT NULL DEFAULT '',
    sub_event_type     TEXT    NOT NULL DEFAULT '',
    actor1             TEXT    NOT NULL DEFAULT '',
    assoc_actor_1      TEXT    NOT NULL DEFAULT '',
    inter1             INTEGER NOT NULL DEFAULT 0,
    actor2             TEXT    NOT NULL DEFAULT '',
    assoc_actor_2      TEXT    NOT NULL DEFAULT '',
    inter2             INTEGER NOT NULL DEFAULT 0,
    interaction        INTEGER NOT NULL DEFAULT 0,
    civilian_targeting TEXT    NOT NULL DEFAULT '',
    country            TEXT    NOT NULL DEFAULT '',
    country_lc         TEXT    NOT NULL DEFAULT '',
    country_code       TEXT    NOT NULL DEFAULT '',
    iso                INTEGER NOT NULL DEFAULT 0,
    region             TEXT    NOT NULL DEFAULT '',
    admin1             TEXT    NOT NULL DEFAULT '',
    admin1_lc          TEXT    NOT NULL DEFAULT '',
    admin2             TEXT    NOT NULL DEFAULT '',
    admin3             TEXT    NOT NULL DEFAULT '',
    location           TEXT    NOT NULL DEFAULT '',
    latitude           REAL,
    longitude          REAL,
    geo_precision      INTEGER NOT NULL DEFAULT 0,
    fatalities         INTEGER,
    fatal_n            INTEGER NOT NULL DEFAULT 0,
    wounded            INTEGER,
    killed_by_side     TEXT    NOT NULL DEFAULT '',
    abducted           INTEGER,
    arrested           INTEGER,
    claimed_by         TEXT    NOT NULL DEFAULT '',
    source             TEXT    NOT NULL DEFAULT '',
    notes              TEXT    NOT NULL DEFAULT '',
    confidence         REAL    NOT NULL DEFAULT 0,
    tags               TEXT    NOT NULL DEFAULT '',
    updated_at         TEXT    NOT NULL
);
CREATE INDEX incidents_date     ON incidents(event_date);
CREATE INDEX incidents_country  ON incidents(country_code, event_date);
CREATE INDEX incidents_cname    ON incidents(country_lc, event_date);
CREATE INDEX incidents_admin1   ON incidents(admin1_lc, event_date);
CREATE INDEX incidents_type     ON incidents(event_type, event_date);
CREATE INDEX incidents_subtype  ON incidents(sub_event_type, event_date);
CREATE INDEX incidents_fatal    ON incidents(fatal_n);
CREATE INDEX incidents_week     ON incidents(week, fatal_n);
CREATE INDEX incidents_month    ON incidents(month, fatal_n);
CREATE INDEX incidents_lat      ON incidents(latitude) WHERE latitude IS NOT NULL;

-- One row per actor name an incident involves (either side, associated
-- actors included), lower-cased; also the name without a trailing
-- parenthetical, so "islamic state" finds "Islamic State (Iraq)".
CREATE TABLE incident_actors (
    actor_key   TEXT    NOT NULL,
    event_date  TEXT    NOT NULL,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    PRIMARY KEY (actor_key, event_date, incident_id)
) WITHOUT ROWID;
CREATE INDEX incident_actors_incident ON incident_actors(incident_id);

CREATE TABLE evidence (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    n           INTEGER NOT NULL,
    field       TEXT    NOT NULL,
    span_start  INTEGER NOT NULL CHECK (span_start >= 0),
    span_end    INTEGER NOT NULL CHECK (span_end >= span_start),
    quote       TEXT    NOT NULL DEFAULT '',
    rule        TEXT    NOT NULL DEFAULT '',
    article_id  TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (incident_id, n)
) WITHOUT ROWID;

CREATE TABLE incident_sources (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    article_id  TEXT    NOT NULL,
    doc         TEXT    NOT NULL DEFAULT '',
    outlet      TEXT    NOT NULL DEFAULT '',
    published   TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (incident_id, article_id)
) WITHOUT ROWID;
CREATE INDEX incident_sources_article ON incident_sources(article_id);

CREATE VIRTUAL TABLE incidents_fts USING fts5(
    notes, source,
    content='incidents', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
-- +goose StatementBegin
CREATE TRIGGER incidents_fts_ai AFTER INSERT ON incidents BEGIN
    INSERT INTO incidents_fts(rowid, notes, source) VALUES (new.id, new.notes, new.source);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER incidents_fts_ad AFTER DELETE ON incidents BEGIN
    INSERT INTO incidents_fts(incidents_fts, rowid, notes, source) VALUES ('delete', old.id, old.notes, old.source);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER incidents_fts_au AFTER UPDATE OF notes, source ON incidents BEGIN
    INSERT INTO incidents_fts(incidents_fts, rowid, notes, source) VALUES ('delete', old.id, old.notes, old.source);
    INSERT INTO incidents_fts(rowid, notes, source) VALUES (new.id, new.notes, new.source);
END;
-- +goose StatementEnd
