-- Assignment to units, withdrawal, and the officers' queues (SQLite; the same for PostgreSQL in
-- ../postgresql/V10__queues_assignment.sql). docs/register.md ("Assignment", "Queues") explains them.
--
-- request_queue is the register's working view of each request: one narrow row per request with
-- what the queues filter and sort on (a copy of the request's current state, its unit and assignee,
-- the legal ground of a refusal, when it closed) and a search column (number, subject and text,
-- folded by the application with the Azerbaijani locale). It is written in the same transaction as
-- the request and each event that changes it, by inbox.store.JdbcRequestStore only. The archive
-- (requests, history) stays the record: request_queue can be rebuilt from it.

CREATE TABLE request_queue (
  number TEXT NOT NULL PRIMARY KEY REFERENCES requests (number),
  year INTEGER NOT NULL,
  sequence INTEGER NOT NULL,
  channel TEXT NOT NULL,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  registered_at INTEGER NOT NULL,
  due_date TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  -- the unit the request is assigned to (an id of content/data/units.yaml), NULL while unassigned
  unit TEXT,
  -- 'none' (never assigned), 'pending' (assigned, the unit has not answered), 'accepted', 'rejected'
  assignment TEXT NOT NULL DEFAULT 'none' CHECK (assignment IN ('none', 'pending', 'accepted', 'rejected')),
  -- the responder of the unit who accepted it
  assignee TEXT,
  -- the legal ground of the refusal in force (status 'refused'), NULL otherwise
  refusal_ground TEXT,
  -- when the request was last closed (answered, refused, forwarded, withdrawn); NULL while open
  closed_at INTEGER,
  -- lower-cased number, subject and text for the text search; NULL until the application fills it
  search TEXT,
  CHECK ((assignment = 'none') = (unit IS NULL))
);

INSERT INTO request_queue (number, year, sequence, channel, type, status, registered_at, due_date, due_at,
    refusal_ground, closed_at)
  SELECT r.number, r.year, r.sequence, r.channel, r.type, r.status, r.registered_at, r.due_date, r.due_at,
    CASE WHEN r.status = 'refused' THEN (SELECT substr(h.text, 10) FROM history h WHERE h.request_number = r.number
      AND h.kind = 'REFUSED' ORDER BY h.id DESC LIMIT 1) END,
    CASE WHEN r.status IN ('answered', 'refused', 'forwarded') THEN (SELECT MAX(h.at) FROM history h
      WHERE h.request_number = r.number AND h.kind IN ('ANSWERED', 'REFUSED', 'FORWARDED')) END
  FROM requests r;

CREATE INDEX request_queue_status_due ON request_queue (status, due_at);
CREATE INDEX request_queue_unit ON request_queue (unit, status, due_at);
CREATE INDEX request_queue_assignee ON request_queue (assignee, status, due_at);
CREATE INDEX request_queue_registered ON request_queue (registered_at);
CREATE INDEX request_queue_closed ON request_queue (closed_at);
CREATE INDEX request_queue_order ON request_queue (due_at, year, sequence);

-- A withdrawn request is closed like an answered, refused or forwarded one: the retention purge may
-- remove it. The V5 guards are replaced with the same rules and 'withdrawn' among the closed statuses.
DROP TRIGGER requests_deleted_only_by_purge;
CREATE TRIGGER requests_deleted_only_by_purge BEFORE DELETE ON requests
WHEN NOT EXISTS (SELECT 1 FROM purged p WHERE p.number = OLD.number)
  OR OLD.status NOT IN ('answered', 'refused', 'forwarded', 'withdrawn')
BEGIN
  SELECT RAISE(ABORT, 'a request is deleted only by the retention purge (disclose requests purge), which records it in the purge log first, and never while it is open');
END;

DROP TRIGGER history_deleted_only_by_purge;
CREATE TRIGGER history_deleted_only_by_purge BEFORE DELETE ON history
WHEN NOT EXISTS (SELECT 1 FROM purged p WHERE p.number = OLD.request_number)
  OR EXISTS (SELECT 1 FROM requests r WHERE r.number = OLD.request_number
    AND r.status NOT IN ('answered', 'refused', 'forwarded', 'withdrawn'))
BEGIN
  SELECT RAISE(ABORT, 'history is append-only: events are deleted only by the retention purge (disclose requests purge), which records the request in the purge log first');
END;

DROP TRIGGER attachments_deleted_only_by_purge;
CREATE TRIGGER attachments_deleted_only_by_purge BEFORE DELETE ON attachments
WHEN NOT EXISTS (SELECT 1 FROM purged p WHERE p.number = OLD.request_number)
  OR EXISTS (SELECT 1 FROM requests r WHERE r.number = OLD.request_number
    AND r.status NOT IN ('answered', 'refused', 'forwarded', 'withdrawn'))
BEGIN
  SELECT RAISE(ABORT, 'attachments are kept as received: they are deleted only by the retention purge (disclose requests purge), which records the request in the purge log first');
END;
