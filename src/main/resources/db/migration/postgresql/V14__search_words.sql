-- The word index of the queues' text search (PostgreSQL only; SQLite's FTS5 index of V12 finds a
-- phrase by the positions of its trigrams). docs/register.md ("Queues") explains it.
--
-- request_words.words is a tsvector the application writes beside request_queue.search
-- (inbox.store.SearchWords: each word, and each pair of neighbouring words as '|' + the first
-- one's last three letters + '|' + the second; no positions). A search term becomes a tsquery, an
-- AND of such lexemes, that every row holding the term as a substring satisfies (whole words,
-- starts of words, the pairs); the GIN index answers it without reading the vectors, and the query
-- still tests the substring itself. pg_trgm's index (V12) stays for a term that is a part of one
-- word (a piece of a number or a name). The vectors live in a table of their own so that
-- request_queue's rows, which every queue page reads, stay narrow.
--
-- Requests stored before this migration have no vector yet: inbox.store.Inbox.open writes them
-- (in Java, by the same rules) before the register serves.
CREATE TABLE request_words (
  number TEXT NOT NULL PRIMARY KEY REFERENCES request_queue (number) ON DELETE CASCADE,
  words tsvector NOT NULL
);
CREATE INDEX request_words_words ON request_words USING gin (words);
