-- The request register (SQLite). Times are epoch milliseconds (UTC); dates are ISO yyyy-mm-dd.
-- The same schema for PostgreSQL is in ../postgresql/V1__register.sql.

CREATE TABLE number_counters (
  year INTEGER NOT NULL PRIMARY KEY,
  last_sequence INTEGER NOT NULL CHECK (last_sequence >= 0)
);

CREATE TABLE requests (
  number TEXT NOT NULL PRIMARY KEY,
  year INTEGER NOT NULL,
  sequence INTEGER NOT NULL,
  channel TEXT NOT NULL,
  type TEXT NOT NULL,
  urgency TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  subject TEXT NOT NULL,
  message TEXT NOT NULL,
  language TEXT NOT NULL,
  raw BLOB NOT NULL,
  raw_content_type TEXT NOT NULL,
  remote_address TEXT NOT NULL,
  status_token TEXT NOT NULL UNIQUE,
  registered_at INTEGER NOT NULL,
  -- the current state, kept in step with the history in the same transaction as each event
  status TEXT NOT NULL,
  deadline_rule TEXT NOT NULL,
  due_date TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  UNIQUE (year, sequence)
);

CREATE INDEX requests_status ON requests (status, due_at);
CREATE INDEX requests_registered ON requests (registered_at);

CREATE TABLE history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  request_number TEXT NOT NULL REFERENCES requests (number),
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  visible INTEGER NOT NULL CHECK (visible IN (0, 1))
);

CREATE INDEX history_request ON history (request_number, id);

CREATE TABLE attachments (
  request_number TEXT NOT NULL REFERENCES requests (number),
  position INTEGER NOT NULL,
  -- 'request' for what came with the request, 'answer' for what the officers sent
  role TEXT NOT NULL,
  history_id INTEGER REFERENCES history (id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (request_number, position)
);

-- What purge removed: the number stays on record (it is never reused anyway).
CREATE TABLE purged (
  number TEXT NOT NULL PRIMARY KEY,
  registered_at INTEGER NOT NULL,
  last_event_at INTEGER NOT NULL,
  purged_at INTEGER NOT NULL,
  actor TEXT NOT NULL
);

-- The history is append-only and a request as received never changes.
CREATE TRIGGER history_append_only BEFORE UPDATE ON history
BEGIN
  SELECT RAISE(ABORT, 'history is append-only');
END;

CREATE TRIGGER attachments_unchanged BEFORE UPDATE ON attachments
BEGIN
  SELECT RAISE(ABORT, 'attachments are kept as received');
END;

CREATE TRIGGER requests_as_received BEFORE UPDATE OF number, year, sequence, channel, type, urgency, name, email,
  subject, message, language, raw, raw_content_type, remote_address, status_token, registered_at ON requests
BEGIN
  SELECT RAISE(ABORT, 'a request is kept as received');
END;

CREATE TRIGGER purged_append_only BEFORE UPDATE ON purged
BEGIN
  SELECT RAISE(ABORT, 'the purge log is append-only');
END;

CREATE TRIGGER purged_no_delete BEFORE DELETE ON purged
BEGIN
  SELECT RAISE(ABORT, 'the purge log is append-only');
END;
