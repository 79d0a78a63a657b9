-- The word index of the queues' text search (PostgreSQL only; SQLite's FTS5 index of V12 finds a
-- phrase by the positions of its trigrams). docs/register.md ("Queues") explains it.
--
-- request_queue.words is a tsvector the application writes beside request_queue.search
-- (inbox.store.SearchWords: each word and each pair of neighbouring
-- words as '|' + the first one's last three letters + '|' + the second; no positions). A search
-- term becomes a tsquery, an AND of such lexemes, that every row holding the term as a substring
-- satisfies (whole words, starts of words, the pairs); the GIN index answers it without
-- reading the vectors, and the query still tests the substring itself. pg_trgm's index (V12) stays
-- for a term that is a part of one word (a piece of a number or a name).
--
-- Rows stored before this migration have no vector yet: inbox.store.Inbox.open fills them (in
-- Java, by the same rules) before the register serves, helped by the partial index of the rows
-- without one, which is empty afterwards.
ALTER TABLE request_queue ADD COLUMN words tsvector;
CREATE INDEX request_queue_words ON request_queue USING gin (words);
CREATE INDEX request_queue_words_pending ON request_queue (number) WHERE words IS NULL;
