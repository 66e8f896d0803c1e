-- +goose Up
-- Articles are keyed by the content hash of their clean text. seq gives a
-- stable integer key for the full-text index and listing order.
CREATE TABLE articles (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT    NOT NULL UNIQUE,
    source              TEXT    NOT NULL DEFAULT '',
    url                 TEXT    NOT NULL DEFAULT '',
    outlet              TEXT    NOT NULL DEFAULT '',
    outlet_from         TEXT    NOT NULL DEFAULT '',
    title               TEXT    NOT NULL DEFAULT '',
    published_time      TEXT    NOT NULL DEFAULT '',
    published_precision INTEGER NOT NULL DEFAULT 0,
    published_from      TEXT    NOT NULL DEFAULT '',
    published_ev_start  INTEGER,
    published_ev_end    INTEGER,
    published_note      TEXT    NOT NULL DEFAULT '',
    text                TEXT    NOT NULL,
    format              TEXT    NOT NULL DEFAULT '',
    encoding            TEXT    NOT NULL DEFAULT '',
    duplicate_of        TEXT    REFERENCES articles(id),
    similarity          REAL    NOT NULL DEFAULT 0,
    ingested_at         TEXT    NOT NULL,
    signature           BLOB
);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

-- What cleaning kept, marked and dropped, in source order.
CREATE TABLE article_lines (
    article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    n           INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    reason      TEXT    NOT NULL DEFAULT '',
    text        TEXT    NOT NULL,
    source_line INTEGER NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    PRIMARY KEY (article_seq, n)
) WITHOUT ROWID;

-- LSH band keys of each article's MinHash signature: articles sharing a key
-- are near-duplicate candidates.
CREATE TABLE article_bands (
    band_key    INTEGER NOT NULL,
    article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_seq)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content='articles', content_rowid='seq',
    tokenize='porter unicode61 remove_diacritics 2'
);
-- +goose StatementBegin
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
-- +goose StatementEnd
