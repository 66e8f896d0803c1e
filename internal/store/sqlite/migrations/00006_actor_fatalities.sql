-- +goose Up
-- With each incident's fatalities beside its actor keys, the series of one
-- actor reads only the actor index, in date order.
ALTER TABLE incident_actors ADD COLUMN fatal_n INTEGER NOT NULL DEFAULT 0;
UPDATE incident_actors SET fatal_n = (SELECT i.fatal_n FROM incidents i WHERE i.id = incident_actors.incident_id)
WHERE EXISTS (SELECT 1 FROM incidents i WHERE i.id = incident_actors.incident_id AND i.fatal_n <> 0);
