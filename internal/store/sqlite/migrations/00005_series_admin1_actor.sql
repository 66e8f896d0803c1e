-- +goose Up
-- Two more daily rollups kept by triggers: per province, and per actor
-- (each incident counts once for actor1 and once for a different actor2),
-- so series broken down by admin1 or actor do not scan incidents.
CREATE TABLE series_admin1 (
    event_date   TEXT    NOT NULL,
    week         TEXT    NOT NULL,
    month        TEXT    NOT NULL,
    country_code TEXT    NOT NULL,
    country_lc   TEXT    NOT NULL,
    country      TEXT    NOT NULL,
    admin1_lc    TEXT    NOT NULL,
    admin1       TEXT    NOT NULL,
    n            INTEGER NOT NULL,
    fatalities   INTEGER NOT NULL,
    PRIMARY KEY (event_date, country_code, country_lc, admin1_lc)
) WITHOUT ROWID;
CREATE INDEX series_admin1_code ON series_admin1(country_code, event_date);
CREATE INDEX series_admin1_name ON series_admin1(country_lc, event_date);
CREATE INDEX series_admin1_admin1 ON series_admin1(admin1_lc, event_date);

CREATE TABLE series_actor (
    event_date   TEXT    NOT NULL,
    week         TEXT    NOT NULL,
    month        TEXT    NOT NULL,
    country_code TEXT    NOT NULL,
    country_lc   TEXT    NOT NULL,
    actor        TEXT    NOT NULL,
    n            INTEGER NOT NULL,
    fatalities   INTEGER NOT NULL,
    PRIMARY KEY (event_date, country_code, country_lc, actor)
) WITHOUT ROWID;
CREATE INDEX series_actor_code ON series_actor(country_code, event_date);
CREATE INDEX series_actor_name ON series_actor(country_lc, event_date);

INSERT INTO series_admin1
    SELECT event_date, week, month, country_code, country_lc, max(country), admin1_lc, max(admin1), count(*), sum(fatal_n)
    FROM incidents WHERE event_date <> ''
    GROUP BY event_date, country_code, country_lc, admin1_lc;
INSERT INTO series_actor
    SELECT event_date, max(week), max(month), country_code, country_lc, actor, count(*), sum(fatal_n) FROM (
        SELECT event_date, week, month, country_code, country_lc, actor1 AS actor, fatal_n FROM incidents
        WHERE event_date <> '' AND actor1 <> ''
        UNION ALL
        SELECT event_date, week, month, country_code, country_lc, actor2, fatal_n FROM incidents
        WHERE event_date <> '' AND actor2 <> '' AND actor2 <> actor1)
    GROUP BY event_date, country_code, country_lc, actor;

-- +goose StatementBegin
CREATE TRIGGER series_admin1_ai AFTER INSERT ON incidents WHEN new.event_date <> '' BEGIN
    INSERT INTO series_admin1 VALUES (new.event_date, new.week, new.month, new.country_code, new.country_lc,
        new.country, new.admin1_lc, new.admin1, 1, new.fatal_n)
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER series_admin1_ad AFTER DELETE ON incidents WHEN old.event_date <> '' BEGIN
    UPDATE series_admin1 SET n = n - 1, fatalities = fatalities - old.fatal_n
    WHERE event_date = old.event_date AND country_code = old.country_code
      AND country_lc = old.country_lc AND admin1_lc = old.admin1_lc;
    DELETE FROM series_admin1 WHERE n <= 0 AND event_date = old.event_date AND country_code = old.country_code
      AND country_lc = old.country_lc AND admin1_lc = old.admin1_lc;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER series_admin1_au AFTER UPDATE OF event_date, country_code, country_lc, admin1_lc, fatal_n ON incidents BEGIN
    UPDATE series_admin1 SET n = n - 1, fatalities = fatalities - old.fatal_n
    WHERE old.event_date <> '' AND event_date = old.event_date AND country_code = old.country_code
      AND country_lc = old.country_lc AND admin1_lc = old.admin1_lc;
    DELETE FROM series_admin1 WHERE n <= 0 AND event_date = old.event_date AND country_code = old.country_code
      AND country_lc = old.country_lc AND admin1_lc = old.admin1_lc;
    INSERT INTO series_admin1 SELECT new.event_date, new.week, new.month, new.country_code, new.country_lc,
        new.country, new.admin1_lc, new.admin1, 1, new.fatal_n WHERE new.event_date <> ''
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER series_actor_ai AFTER INSERT ON incidents WHEN new.event_date <> '' BEGIN
    INSERT INTO series_actor SELECT new.event_date, new.week, new.month, new.country_code, new.country_lc,
        new.actor1, 1, new.fatal_n WHERE new.actor1 <> ''
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO series_actor SELECT new.event_date, new.week, new.month, new.country_code, new.country_lc,
        new.actor2, 1, new.fatal_n WHERE new.actor2 <> '' AND new.actor2 <> new.actor1
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER series_actor_ad AFTER DELETE ON incidents WHEN old.event_date <> '' BEGIN
    UPDATE series_actor SET n = n - 1, fatalities = fatalities - old.fatal_n
    WHERE event_date = old.event_date AND country_code = old.country_code AND country_lc = old.country_lc
      AND (actor = old.actor1 OR (actor = old.actor2 AND old.actor2 <> old.actor1));
    DELETE FROM series_actor WHERE n <= 0 AND event_date = old.event_date AND country_code = old.country_code
      AND country_lc = old.country_lc;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER series_actor_au AFTER UPDATE OF event_date, country_code, country_lc, actor1, actor2, fatal_n ON incidents BEGIN
    UPDATE series_actor SET n = n - 1, fatalities = fatalities - old.fatal_n
    WHERE old.event_date <> '' AND event_date = old.event_date AND country_code = old.country_code
      AND country_lc = old.country_lc AND (actor = old.actor1 OR (actor = old.actor2 AND old.actor2 <> old.actor1));
    DELETE FROM series_actor WHERE n <= 0 AND event_date = old.event_date AND country_code = old.country_code
      AND country_lc = old.country_lc;
    INSERT INTO series_actor SELECT new.event_date, new.week, new.month, new.country_code, new.country_lc,
        new.actor1, 1, new.fatal_n WHERE new.event_date <> '' AND new.actor1 <> ''
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO series_actor SELECT new.event_date, new.week, new.month, new.country_code, new.country_lc,
        new.actor2, 1, new.fatal_n WHERE new.event_date <> '' AND new.actor2 <> '' AND new.actor2 <> new.actor1
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
END;
-- +goose StatementEnd
