-- An index for the queues' text search (SQLite; PostgreSQL: ../postgresql/V12__search_index.sql).
-- docs/register.md ("Queues") explains it.
--
-- request_search is an FTS5 table with the trigram tokenizer over request_queue.search (the folded
-- number, subject and text): a phrase of three or more characters is found as a substring through
-- the index instead of reading every row. It is contentless (the text stays in request_queue only)
-- and its rowid is year * 1000000000 + sequence of the request, not request_queue's own rowid,
-- which VACUUM may renumber (request_queue has no INTEGER PRIMARY KEY). case_sensitive 1: the text
-- and the term are already folded by the application (inbox.SearchText), nothing more is folded here.
-- The triggers keep it in step with request_queue in the same transaction as every write.

CREATE VIRTUAL TABLE request_search USING fts5(search, content = '', contentless_delete = 1,
  tokenize = 'trigram case_sensitive 1');

-- the way back from an index hit to its queue row
CREATE UNIQUE INDEX request_queue_year_sequence ON request_queue (year, sequence);

CREATE TRIGGER request_search_insert AFTER INSERT ON request_queue
WHEN NEW.search IS NOT NULL
BEGIN
  INSERT INTO request_search (rowid, search) VALUES (NEW.year * 1000000000 + NEW.sequence, NEW.search);
END;

CREATE TRIGGER request_search_update AFTER UPDATE OF search ON request_queue
BEGIN
  DELETE FROM request_search WHERE rowid = OLD.year * 1000000000 + OLD.sequence;
  INSERT INTO request_search (rowid, search) SELECT NEW.year * 1000000000 + NEW.sequence, NEW.search
    WHERE NEW.search IS NOT NULL;
END;

CREATE TRIGGER request_search_delete AFTER DELETE ON request_queue
BEGIN
  DELETE FROM request_search WHERE rowid = OLD.year * 1000000000 + OLD.sequence;
END;

INSERT INTO request_search (rowid, search)
  SELECT year * 1000000000 + sequence, search FROM request_queue WHERE search IS NOT NULL;
