-- +goose Up
-- A compact stand-in for each cluster's merged incident, so that a new
-- report is tried against the clusters of its block without decoding each
-- one's JSON body (in a dense store a block holds hundreds of clusters).
-- day_lo/day_hi (merge.Window, NULL when it has no date: it never joins)
-- and type_group (merge.TypeGroup) are what the candidate query filters
-- on; sketch (merge.Sketch) is the rest of what the same-event test reads,
-- which merge.Probe.MayJoin runs on. Written with the cluster's body in
-- the same transaction; clusters written before this migration are
-- sketched at Open (backfill.go), as the 'sketched' mark below asks: it
-- holds the merge.SketchVersion the store last sketched with.
CREATE TABLE cluster_sketches (
    id         TEXT PRIMARY KEY,   -- clusters.id
    day_lo     INTEGER,
    day_hi     INTEGER,
    type_group TEXT NOT NULL,
    sketch     TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO store_meta (key, value) VALUES ('sketched', '0');

-- The candidate lookup reads the block index alone: day_hi and cluster_id
-- were table reads, one per report in the block's date range. withdrawn_at
-- is always NULL here; it is listed so that SQLite need not read the row to
-- check it.
DROP INDEX reports_block;
CREATE INDEX reports_block ON reports(country_key, admin1_key, day_lo, day_hi, cluster_id, withdrawn_at)
    WHERE withdrawn_at IS NULL AND day_lo IS NOT NULL;

-- +goose Down
DROP INDEX reports_block;
CREATE INDEX reports_block ON reports(country_key, admin1_key, day_lo) WHERE withdrawn_at IS NULL AND day_lo IS NOT NULL;
DELETE FROM store_meta WHERE key = 'sketched';
DROP TABLE cluster_sketches;
