-- Search-log ids are reserved by the application in blocks (search/SearchLog), so a search can answer
-- with its log id before its row is written; the rows follow in batches. One row per id space; the
-- table travels with backups, so a restored installation goes on after the highest id it holds.
CREATE TABLE id_block (
    name     VARCHAR(40) PRIMARY KEY,
    next_id  BIGINT      NOT NULL
);
INSERT INTO id_block (name, next_id) SELECT 'search_log', COALESCE(MAX(id), 0) + 1 FROM search_log;

-- one source of ids only: an insert without an id now fails instead of colliding with a reserved block
ALTER TABLE search_log ALTER COLUMN id DROP IDENTITY;
