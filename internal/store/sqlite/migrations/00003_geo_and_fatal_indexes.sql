-- +goose Up
-- An R*Tree over incident points answers small bounding boxes without
-- scanning; the latitude index it replaces misled the planner on large ones.
DROP INDEX incidents_lat;
CREATE VIRTUAL TABLE incidents_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);
INSERT INTO incidents_geo (id, min_lat, max_lat, min_lon, max_lon)
    SELECT id, latitude, latitude, longitude, longitude FROM incidents
    WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
-- +goose StatementBegin
CREATE TRIGGER incidents_geo_ai AFTER INSERT ON incidents
WHEN new.latitude IS NOT NULL AND new.longitude IS NOT NULL BEGIN
    INSERT INTO incidents_geo (id, min_lat, max_lat, min_lon, max_lon)
    VALUES (new.id, new.latitude, new.latitude, new.longitude, new.longitude);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER incidents_geo_au AFTER UPDATE OF latitude, longitude ON incidents BEGIN
    DELETE FROM incidents_geo WHERE id = old.id;
    INSERT INTO incidents_geo (id, min_lat, max_lat, min_lon, max_lon)
    SELECT new.id, new.latitude, new.latitude, new.longitude, new.longitude
    WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER incidents_geo_ad AFTER DELETE ON incidents BEGIN
    DELETE FROM incidents_geo WHERE id = old.id;
END;
-- +goose StatementEnd

-- "The deadliest incidents in a country" reads in order from these.
CREATE INDEX incidents_country_fatal ON incidents(country_code, fatal_n);
CREATE INDEX incidents_cname_fatal ON incidents(country_lc, fatal_n);
