-- Assignment to units, withdrawal, and the officers' queues (PostgreSQL; the same for SQLite, each
-- column explained, in ../sqlite/V10__queues_assignment.sql). docs/register.md explains them.

CREATE TABLE request_queue (
  number TEXT NOT NULL PRIMARY KEY REFERENCES requests (number),
  year INTEGER NOT NULL,
  sequence INTEGER NOT NULL,
  channel TEXT NOT NULL,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  registered_at BIGINT NOT NULL,
  due_date TEXT NOT NULL,
  due_at BIGINT NOT NULL,
  unit TEXT,
  assignment TEXT NOT NULL DEFAULT 'none' CHECK (assignment IN ('none', 'pending', 'accepted', 'rejected')),
  assignee TEXT,
  refusal_ground TEXT,
  closed_at BIGINT,
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
-- remove it. CREATE OR REPLACE drops the search_path that V5 set on the function: it is set again below.
CREATE OR REPLACE FUNCTION disclose_closed(status TEXT) RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$
  SELECT status IN ('answered', 'refused', 'forwarded', 'withdrawn')
$$;
DO $$
BEGIN
  EXECUTE format('ALTER FUNCTION disclose_closed(text) SET search_path = %I, pg_temp', current_schema());
END;
$$;
