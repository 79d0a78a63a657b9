-- The word index of the queues' text search (SQLite; PostgreSQL's is V14). docs/register.md
-- ("Queues") explains it.
--
-- request_search_words is an FTS5 table with the unicode61 tokenizer over request_queue.search (the
-- folded number, subject and text; remove_diacritics 0: the text is folded by the application,
-- inbox.SearchText, and a search is a substring test, so nothing more may be folded away). A term
-- of whole words and word starts becomes an FTS5 phrase ("a b c" *), answered from the positions
-- of its words: a rare phrase of common words is found without walking the positions of every
-- common trigram in V12's index. The query still tests the substring itself (instr), and the
-- application uses this index only for terms whose characters both it and the tokenizer split into
-- the same words (inbox.store.SearchWords.fts5Phrase); V12's trigram index serves the rest (a part of
-- one word, a piece of a number). Same key as V12: contentless, rowid year * 1000000000 + sequence.

CREATE VIRTUAL TABLE request_search_words USING fts5(search, content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0');

-- Both indexes are written after the registration's commit, not in its transaction (they were,
-- by V12's triggers, and cost intake half its throughput): a request's key goes to
-- request_search_pending in the transaction, and the store's indexer (JdbcRequestStore, a thread of
-- its own, and at open) moves pending keys into both indexes in batches. A search reads the pending
-- keys beside an index's hits in the same statement, so it never misses a committed request.
DROP TRIGGER request_search_insert;
DROP TRIGGER request_search_update;
DROP TRIGGER request_search_delete;

CREATE TABLE request_search_pending (key INTEGER PRIMARY KEY);

CREATE TRIGGER request_search_pending_insert AFTER INSERT ON request_queue
WHEN NEW.search IS NOT NULL
BEGIN
  INSERT INTO request_search_pending (key) VALUES (NEW.year * 1000000000 + NEW.sequence);
END;

CREATE TRIGGER request_search_pending_update AFTER UPDATE OF search ON request_queue
BEGIN
  DELETE FROM request_search WHERE rowid = OLD.year * 1000000000 + OLD.sequence;
  DELETE FROM request_search_words WHERE rowid = OLD.year * 1000000000 + OLD.sequence;
  DELETE FROM request_search_pending WHERE key = OLD.year * 1000000000 + OLD.sequence;
  INSERT INTO request_search_pending (key) SELECT NEW.year * 1000000000 + NEW.sequence WHERE NEW.search IS NOT NULL;
END;

CREATE TRIGGER request_search_pending_delete AFTER DELETE ON request_queue
BEGIN
  DELETE FROM request_search WHERE rowid = OLD.year * 1000000000 + OLD.sequence;
  DELETE FROM request_search_words WHERE rowid = OLD.year * 1000000000 + OLD.sequence;
  DELETE FROM request_search_pending WHERE key = OLD.year * 1000000000 + OLD.sequence;
END;

-- the requests stored before: V12's triggers put them into the trigram index already
INSERT INTO request_search_words (rowid, search)
  SELECT year * 1000000000 + sequence, search FROM request_queue WHERE search IS NOT NULL;
