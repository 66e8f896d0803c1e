-- +goose Up
-- Daily counts per country and event type, kept by triggers, so the
-- common series (over dates, countries and event types) read a table an
-- order of magnitude smaller than incidents.
CREATE TABLE series_daily (
    event_date   TEXT    NOT NULL,
    week         TEXT    NOT NULL,
    month        TEXT    NOT NULL,
    country_code TEXT    NOT NULL,
    country_lc   TEXT    NOT NULL,
    country      TEXT    NOT NULL,
    event_type   TEXT    NOT NULL,
    n            INTEGER NOT NULL,
    fatalities   INTEGER NOT NULL,
    PRIMARY KEY (event_date, country_code, country_lc, event_type)
) WITHOUT ROWID;
CREATE INDEX series_daily_code ON series_daily(country_code, event_date);
CREATE INDEX series_daily_name ON series_daily(country_lc, event_date);

INSERT INTO series_daily
    SELECT event_date, week, month, country_code, country_lc, max(country), event_type, count(*), sum(fatal_n)
    FROM incidents WHERE event_date <> ''
    GROUP BY event_date, country_code, country_lc, event_type;

-- +goose StatementBegin
CREATE TRIGGER series_daily_ai AFTER INSERT ON incidents WHEN new.event_date <> '' BEGIN
    INSERT INTO series_daily VALUES (new.event_date, new.week, new.month, new.country_code, new.country_lc,
        new.country, new.event_type, 1, new.fatal_n)
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER series_daily_ad AFTER DELETE ON incidents WHEN old.event_date <> '' BEGIN
    UPDATE series_daily SET n = n - 1, fatalities = fatalities - old.fatal_n
    WHERE event_date = old.event_date AND country_code = old.country_code
      AND country_lc = old.country_lc AND event_type = old.event_type;
    DELETE FROM series_daily WHERE n <= 0 AND event_date = old.event_date AND country_code = old.country_code
      AND country_lc = old.country_lc AND event_type = old.event_type;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER series_daily_au AFTER UPDATE OF event_date, country_code, country_lc, event_type, fatal_n ON incidents BEGIN
    UPDATE series_daily SET n = n - 1, fatalities = fatalities - old.fatal_n
    WHERE old.event_date <> '' AND event_date = old.event_date AND country_code = old.country_code
      AND country_lc = old.country_lc AND event_type = old.event_type;
    DELETE FROM series_daily WHERE n <= 0 AND event_date = old.event_date AND country_code = old.country_code
      AND country_lc = old.country_lc AND event_type = old.event_type;
    INSERT INTO series_daily SELECT new.event_date, new.week, new.month, new.country_code, new.country_lc,
        new.country, new.event_type, 1, new.fatal_n WHERE new.event_date <> ''
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
END;
-- +goose StatementEnd
