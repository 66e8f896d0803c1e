-- +goose Up
-- Near-duplicate signatures change scheme (dedup.Version): one-permutation
-- MinHash, and band keys of 26 bands of 2 rows of which a candidate must
-- share 2, instead of 40 bands of 3. The old keys cannot be compared with
-- new ones, so the table starts empty and Open signs every stored article
-- again from its text (backfill.go), as the 'signed' mark asks: it holds
-- the dedup.Version the store last signed with.
--
-- The table is made again without its foreign key to articles: the store
-- never deletes an article, the candidate query joins articles anyway, and
-- the check cost a lookup of the article for every key written.
DROP TABLE article_bands;
CREATE TABLE article_bands (
    band_key    INTEGER NOT NULL,
    article_seq INTEGER NOT NULL,
    PRIMARY KEY (band_key, article_seq)
) WITHOUT ROWID;
INSERT INTO store_meta (key, value) VALUES ('signed', '');
