-- +goose Up
-- Whether the incidents stored before merging at ingest (00008) have been
-- adopted into clusters; Open checks this one row instead of scanning
-- incidents every time.
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO store_meta (key, value) VALUES ('adopted', '0');
