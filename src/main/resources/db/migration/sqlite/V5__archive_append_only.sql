-- The archive is append-only in the database itself (SQLite; the same rules for PostgreSQL are in
-- ../postgresql/V5__archive_append_only.sql). V1 already refuses updates of history, attachments, the
-- purge log and a request's columns as received. This adds what V1 left open:
--   * deleting history, attachments or requests, except by the retention purge;
--   * changing a request's status, deadline rule or due date without a new event in its history;
--   * deleting, rewinding or skipping a number counter;
--   * INSERT OR REPLACE, which deletes the row it replaces without firing delete triggers.
-- docs/register.md ("What the database refuses") explains each rule.

-- The history event that set the request's current state (status, deadline_rule, due_date, due_at):
-- its first event (the registration) until a later one changes the state. A state change must
-- advance it to the id of the request's newest event, so no change happens without an event that
-- records it. A request is inserted with 0 (its events need its row first); the trigger below sets
-- it to the first event appended.
ALTER TABLE requests ADD COLUMN state_event_id INTEGER NOT NULL DEFAULT 0;

-- Requests registered before this migration: their newest event already explains their state.
UPDATE requests SET state_event_id = COALESCE((SELECT MAX(h.id) FROM history h WHERE h.request_number = requests.number), 0);

CREATE TRIGGER requests_state_by_event BEFORE UPDATE OF status, deadline_rule, due_date, due_at, state_event_id ON requests
WHEN (NEW.status IS NOT OLD.status OR NEW.deadline_rule IS NOT OLD.deadline_rule OR NEW.due_date IS NOT OLD.due_date
    OR NEW.due_at IS NOT OLD.due_at OR NEW.state_event_id IS NOT OLD.state_event_id)
  AND NOT (NEW.state_event_id > OLD.state_event_id
    AND NEW.state_event_id = (SELECT MAX(h.id) FROM history h WHERE h.request_number = NEW.number))
BEGIN
  SELECT RAISE(ABORT, 'a request''s status and deadline change only with an event: append the event to its history first, then set state_event_id to that event''s id');
END;

CREATE TRIGGER history_first_event_sets_state AFTER INSERT ON history
WHEN (SELECT r.state_event_id FROM requests r WHERE r.number = NEW.request_number) = 0
BEGIN
  UPDATE requests SET state_event_id = NEW.id WHERE number = NEW.request_number;
END;

CREATE TRIGGER requests_registered_fresh BEFORE INSERT ON requests
WHEN NEW.state_event_id <> 0
  OR EXISTS (SELECT 1 FROM requests r WHERE r.number = NEW.number)
  OR EXISTS (SELECT 1 FROM requests r WHERE r.status_token = NEW.status_token)
  OR EXISTS (SELECT 1 FROM requests r WHERE r.year = NEW.year AND r.sequence = NEW.sequence)
  OR EXISTS (SELECT 1 FROM purged p WHERE p.number = NEW.number)
BEGIN
  SELECT RAISE(ABORT, 'a request is kept as received: a new request needs a number, token and sequence never used before (no INSERT OR REPLACE, no purged number) and state_event_id 0');
END;

-- Deleting: only what the retention purge removes. The purge first writes the request's number into
-- the purge log (append-only, never deleted), and only a closed request whose number is in that log
-- can lose its attachments, history and row. So every deletion is on record.
CREATE TRIGGER requests_deleted_only_by_purge BEFORE DELETE ON requests
WHEN NOT EXISTS (SELECT 1 FROM purged p WHERE p.number = OLD.number)
  OR OLD.status NOT IN ('answered', 'refused', 'forwarded')
BEGIN
  SELECT RAISE(ABORT, 'a request is deleted only by the retention purge (disclose requests purge), which records it in the purge log first, and never while it is open');
END;

CREATE TRIGGER history_deleted_only_by_purge BEFORE DELETE ON history
WHEN NOT EXISTS (SELECT 1 FROM purged p WHERE p.number = OLD.request_number)
  OR EXISTS (SELECT 1 FROM requests r WHERE r.number = OLD.request_number
    AND r.status NOT IN ('answered', 'refused', 'forwarded'))
BEGIN
  SELECT RAISE(ABORT, 'history is append-only: events are deleted only by the retention purge (disclose requests purge), which records the request in the purge log first');
END;

CREATE TRIGGER history_appended_only BEFORE INSERT ON history
WHEN EXISTS (SELECT 1 FROM history h WHERE h.id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'history is append-only: an event id is never given twice (no INSERT OR REPLACE)');
END;

CREATE TRIGGER attachments_deleted_only_by_purge BEFORE DELETE ON attachments
WHEN NOT EXISTS (SELECT 1 FROM purged p WHERE p.number = OLD.request_number)
  OR EXISTS (SELECT 1 FROM requests r WHERE r.number = OLD.request_number
    AND r.status NOT IN ('answered', 'refused', 'forwarded'))
BEGIN
  SELECT RAISE(ABORT, 'attachments are kept as received: they are deleted only by the retention purge (disclose requests purge), which records the request in the purge log first');
END;

CREATE TRIGGER attachments_added_only BEFORE INSERT ON attachments
WHEN EXISTS (SELECT 1 FROM attachments a WHERE a.request_number = NEW.request_number AND a.position = NEW.position)
BEGIN
  SELECT RAISE(ABORT, 'attachments are kept as received: a position is never given twice (no INSERT OR REPLACE)');
END;

-- Numbers are gap-free and never given twice: a counter starts at 0, counts up by one, and stays.
CREATE TRIGGER number_counters_count_up BEFORE UPDATE ON number_counters
WHEN NEW.year IS NOT OLD.year OR NEW.last_sequence IS NOT OLD.last_sequence + 1
BEGIN
  SELECT RAISE(ABORT, 'number counters only count up by one: rewinding one would give its numbers again, skipping would leave a gap');
END;

CREATE TRIGGER number_counters_kept BEFORE DELETE ON number_counters
BEGIN
  SELECT RAISE(ABORT, 'number counters are kept: deleting one would give its numbers again');
END;

CREATE TRIGGER number_counters_start_at_zero BEFORE INSERT ON number_counters
WHEN NEW.last_sequence IS NOT 0 OR EXISTS (SELECT 1 FROM number_counters n WHERE n.year = NEW.year)
BEGIN
  SELECT RAISE(ABORT, 'number counters only count up by one: a new year''s counter starts at 0 and is never replaced (no INSERT OR REPLACE)');
END;

CREATE TRIGGER purged_appended_only BEFORE INSERT ON purged
WHEN EXISTS (SELECT 1 FROM purged p WHERE p.number = NEW.number)
BEGIN
  SELECT RAISE(ABORT, 'the purge log is append-only: a number is logged once (no INSERT OR REPLACE)');
END;
