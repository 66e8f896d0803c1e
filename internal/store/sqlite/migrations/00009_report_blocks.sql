-- +goose Up
-- Candidate reports are looked up by (country, first-level region, date),
-- the blocks merge.Index uses: reports in two regions never merge, so the
-- lookup need not read them. Rows written before this migration get an
-- approximation of merge.Admin1Key (lower case, common punctuation and
-- spaces dropped); new rows get the exact key.
ALTER TABLE reports ADD COLUMN admin1_key TEXT NOT NULL DEFAULT '';
UPDATE reports SET admin1_key = replace(replace(replace(replace(replace(
    lower(coalesce(json_extract(body, '$.admin1'), '')), ' ', ''), '-', ''), '''', ''), '.', ''), ',', '');
DROP INDEX reports_block;
CREATE INDEX reports_block ON reports(country_key, admin1_key, day_lo) WHERE withdrawn_at IS NULL AND day_lo IS NOT NULL;
