-- The archive is append-only in the database itself (PostgreSQL; the same rules for SQLite, each
-- explained, are in ../sqlite/V5__archive_append_only.sql). V1 already refuses updates of history,
-- attachments, the purge log and a request's columns as received. This adds:
--   * deleting history, attachments or requests, except by the retention purge;
--   * changing a request's status, deadline rule or due date without a new event in its history;
--   * deleting, rewinding or skipping a number counter.
-- docs/register.md ("What the database refuses") explains each rule and the grants that keep an
-- application role from dropping these triggers.

-- The history event that set the request's current state: its first event (the registration) until a
-- later one changes the state. Inserted as 0 (its events need its row first); set by the trigger
-- history_first_event_sets_state below.
ALTER TABLE requests ADD COLUMN state_event_id BIGINT NOT NULL DEFAULT 0;

-- Requests registered before this migration: their newest event already explains their state.
UPDATE requests r SET state_event_id = COALESCE((SELECT MAX(h.id) FROM history h WHERE h.request_number = r.number), 0);

-- The statuses a request is closed in; only a closed request can be purged.
CREATE FUNCTION disclose_closed(status TEXT) RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$
  SELECT status IN ('answered', 'refused', 'forwarded')
$$;

CREATE FUNCTION disclose_requests_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.state_event_id <> 0 OR EXISTS (SELECT 1 FROM purged p WHERE p.number = NEW.number) THEN
      RAISE EXCEPTION 'a request is kept as received: a new request needs a number never used before (not a purged one) and state_event_id 0';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM purged p WHERE p.number = OLD.number) OR NOT disclose_closed(OLD.status) THEN
      RAISE EXCEPTION 'a request is deleted only by the retention purge (disclose requests purge), which records it in the purge log first, and never while it is open';
    END IF;
    RETURN OLD;
  END IF;
  IF (NEW.status IS DISTINCT FROM OLD.status OR NEW.deadline_rule IS DISTINCT FROM OLD.deadline_rule
      OR NEW.due_date IS DISTINCT FROM OLD.due_date OR NEW.due_at IS DISTINCT FROM OLD.due_at
      OR NEW.state_event_id IS DISTINCT FROM OLD.state_event_id)
    AND NOT (NEW.state_event_id > OLD.state_event_id
      AND NEW.state_event_id = (SELECT MAX(h.id) FROM history h WHERE h.request_number = NEW.number)) THEN
    RAISE EXCEPTION 'a request''s status and deadline change only with an event: append the event to its history first, then set state_event_id to that event''s id';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER requests_guard BEFORE INSERT OR UPDATE OR DELETE ON requests
  FOR EACH ROW EXECUTE FUNCTION disclose_requests_guard();

CREATE FUNCTION disclose_first_event_sets_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE requests SET state_event_id = NEW.id WHERE number = NEW.request_number AND state_event_id = 0;
  RETURN NULL;
END;
$$;

CREATE TRIGGER history_first_event_sets_state AFTER INSERT ON history
  FOR EACH ROW EXECUTE FUNCTION disclose_first_event_sets_state();

-- Deleting events or attachments: only those of a closed request already in the purge log.
CREATE FUNCTION disclose_purge_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM purged p WHERE p.number = OLD.request_number)
      OR EXISTS (SELECT 1 FROM requests r WHERE r.number = OLD.request_number AND NOT disclose_closed(r.status)) THEN
    RAISE EXCEPTION '%', TG_ARGV[0];
  END IF;
  RETURN OLD;
END;
$$;

CREATE TRIGGER history_deleted_only_by_purge BEFORE DELETE ON history
  FOR EACH ROW EXECUTE FUNCTION disclose_purge_only('history is append-only: events are deleted only by the retention purge (disclose requests purge), which records the request in the purge log first');

CREATE TRIGGER attachments_deleted_only_by_purge BEFORE DELETE ON attachments
  FOR EACH ROW EXECUTE FUNCTION disclose_purge_only('attachments are kept as received: they are deleted only by the retention purge (disclose requests purge), which records the request in the purge log first');

-- Numbers are gap-free and never given twice: a counter starts at 0, counts up by one, and stays.
CREATE FUNCTION disclose_counter_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'number counters are kept: deleting one would give its numbers again';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.last_sequence <> 0 THEN
      RAISE EXCEPTION 'number counters only count up by one: a new year''s counter starts at 0';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.year IS DISTINCT FROM OLD.year OR NEW.last_sequence IS DISTINCT FROM OLD.last_sequence + 1 THEN
    RAISE EXCEPTION 'number counters only count up by one: rewinding one would give its numbers again, skipping would leave a gap';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER number_counters_guard BEFORE INSERT OR UPDATE OR DELETE ON number_counters
  FOR EACH ROW EXECUTE FUNCTION disclose_counter_guard();

-- TRUNCATE skips row triggers: refused outright on every table of the archive.
CREATE TRIGGER requests_no_truncate BEFORE TRUNCATE ON requests
  FOR EACH STATEMENT EXECUTE FUNCTION disclose_refuse_change('the archive is append-only: TRUNCATE is refused; the retention purge is the one way to delete');
CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history
  FOR EACH STATEMENT EXECUTE FUNCTION disclose_refuse_change('the archive is append-only: TRUNCATE is refused; the retention purge is the one way to delete');
CREATE TRIGGER attachments_no_truncate BEFORE TRUNCATE ON attachments
  FOR EACH STATEMENT EXECUTE FUNCTION disclose_refuse_change('the archive is append-only: TRUNCATE is refused; the retention purge is the one way to delete');
CREATE TRIGGER number_counters_no_truncate BEFORE TRUNCATE ON number_counters
  FOR EACH STATEMENT EXECUTE FUNCTION disclose_refuse_change('the archive is append-only: TRUNCATE is refused; the retention purge is the one way to delete');
CREATE TRIGGER purged_no_truncate BEFORE TRUNCATE ON purged
  FOR EACH STATEMENT EXECUTE FUNCTION disclose_refuse_change('the archive is append-only: TRUNCATE is refused; the retention purge is the one way to delete');

-- The guards look their tables up in this schema only (then pg_temp, last): by default a session's
-- temporary tables come first in name look-up, and a temporary table named purged must not stand in
-- for the purge log (SQLite resolves a trigger's tables in the trigger's own schema already).
DO $$
DECLARE
  f TEXT;
BEGIN
  FOREACH f IN ARRAY ARRAY['disclose_requests_guard()', 'disclose_purge_only()', 'disclose_first_event_sets_state()',
      'disclose_counter_guard()', 'disclose_closed(text)', 'disclose_refuse_change()', 'disclose_quarantine_guard()'] LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
  END LOOP;
END;
$$;
