-- +goose Up
-- An article's cleaning record moves from a row per line (article_lines)
-- into one column of its row, written by the store in a compact binary form
-- (see lines.go); the rows stored so far are carried over as a JSON array of
-- [kind, reason, text, source_line, span_start, span_end], which the store
-- also reads.
ALTER TABLE articles ADD COLUMN lines BLOB;
UPDATE articles SET lines = (
    SELECT json_group_array(json_array(l.kind, l.reason, l.text, l.source_line, l.span_start, l.span_end) ORDER BY l.n)
    FROM article_lines l WHERE l.article_seq = articles.seq)
WHERE seq IN (SELECT article_seq FROM article_lines);
DROP TABLE article_lines;

-- The full-text index of articles is written by the store at the end of
-- each write transaction (all of a batch's articles in one statement)
-- instead of by a trigger on every insert: FTS5 flushes its pending terms
-- to disk at every savepoint a statement opens, and a batch opens several
-- per article, so the trigger wrote a few tiny segments per article. The
-- delete and update triggers stay.
DROP TRIGGER articles_fts_ai;
