-- The mail intake and the outbox (SQLite). Times are epoch milliseconds (UTC).
-- The same schema for PostgreSQL is in ../postgresql/V2__mail.sql. No foreign keys to requests:
-- purge removes requests, and what the mail tables hold must outlive it.

-- Every incoming message processed, once: the key is its Message-ID, or sha256:<hex> of its raw
-- bytes when it has none (or could not be parsed). Written in the same transaction as what the
-- message caused (a registration, a reply in a history, a quarantine entry).
CREATE TABLE mail_messages (
  message_key TEXT NOT NULL PRIMARY KEY,
  received_at INTEGER NOT NULL,
  -- registered | reply | auto_reply | bounce | quarantined
  outcome TEXT NOT NULL,
  request_number TEXT,
  -- the raw bytes when they are not kept elsewhere (auto-replies and bounces)
  raw BLOB
);

-- Messages that could not be parsed, with their raw bytes, until an officer registers or dismisses them.
CREATE TABLE mail_quarantine (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  message_key TEXT NOT NULL UNIQUE,
  received_at INTEGER NOT NULL,
  reason TEXT NOT NULL,
  raw BLOB NOT NULL,
  -- open | registered | dismissed
  status TEXT NOT NULL DEFAULT 'open',
  resolved_at INTEGER,
  resolved_by TEXT,
  -- the request number (registered) or the reason (dismissed)
  resolution TEXT
);

CREATE TRIGGER mail_quarantine_kept BEFORE UPDATE OF message_key, received_at, reason, raw ON mail_quarantine
BEGIN
  SELECT RAISE(ABORT, 'a quarantined message is kept as received');
END;

CREATE TRIGGER mail_quarantine_resolved_once BEFORE UPDATE ON mail_quarantine WHEN OLD.status <> 'open'
BEGIN
  SELECT RAISE(ABORT, 'a quarantined message is resolved only once');
END;

CREATE TRIGGER mail_quarantine_no_delete BEFORE DELETE ON mail_quarantine
BEGIN
  SELECT RAISE(ABORT, 'quarantined messages are kept');
END;

-- Mail to requesters, written in the same transaction as the history event it tells about.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  request_number TEXT NOT NULL,
  history_id INTEGER NOT NULL,
  -- acknowledgement | answer | extension | forward | clarification | refusal
  kind TEXT NOT NULL,
  message_id TEXT NOT NULL UNIQUE,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  in_reply_to TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  -- pending | sent | failed (permanently refused by the server)
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  sent_at INTEGER,
  last_error TEXT
);

CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
