-- +goose Up
-- Full-text merge settings for bulk ingest. automerge 8 lets eight segments
-- gather on a level before they are merged (the default is 4), so each
-- article's insert does less merging; crisismerge follows. Queries see more
-- segments until DB.Optimize, which ingest runs after a large batch.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', 32);
INSERT INTO incidents_fts(incidents_fts, rank) VALUES ('automerge', 8);
INSERT INTO incidents_fts(incidents_fts, rank) VALUES ('crisismerge', 32);

-- +goose Down
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 4);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', 16);
INSERT INTO incidents_fts(incidents_fts, rank) VALUES ('automerge', 4);
INSERT INTO incidents_fts(incidents_fts, rank) VALUES ('crisismerge', 16);
