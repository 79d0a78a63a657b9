-- An index for the queues' text search (PostgreSQL; SQLite: ../sqlite/V12__search_index.sql).
-- docs/register.md ("Queues") explains it.
--
-- A GIN index of pg_trgm's trigrams over request_queue.search (the folded number, subject and
-- text), which serves LIKE '%term%' for terms of three or more characters. pg_trgm ships with
-- PostgreSQL (contrib) and is a trusted extension: whoever has CREATE on the database may create
-- it; otherwise a superuser creates it once beforehand (docs/register.md). If it cannot be had,
-- this migration leaves a notice and no index, and the register searches by reading every row as
-- before (inbox.store.JdbcRequestStore looks for the index when it opens); creating the extension
-- and the index later (docs/register.md) is enough for the next start to use it.
DO $$
DECLARE
  ext_schema TEXT;
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available (%): the queue text search reads every row; docs/register.md tells how to add the index', SQLERRM;
  END;
  SELECT n.nspname INTO ext_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
  IF ext_schema IS NOT NULL THEN
    EXECUTE format('CREATE INDEX request_queue_search_trgm ON request_queue USING gin (search %I.gin_trgm_ops)', ext_schema);
  END IF;
END;
$$;
