-- The digest of every processed message, and the units' report reminders (sqlite; the same for
-- PostgreSQL in ../postgresql/V13__mail_digest_and_reminders.sql).

-- sha256:<hex> of the raw bytes of a processed message, so that a message fetched again with the
-- same Message-ID is compared with the first one whatever its outcome (a reply's raw bytes are an
-- attachment of the request's history, not kept here). NULL for rows written before this column.
ALTER TABLE mail_messages ADD COLUMN raw_sha256 TEXT;

-- One row per reminder queued in the outbox for a unit's twice-monthly report (rule 3 of the
-- internal FOI rules), written in the same transaction as the outbox row: a restart never sends
-- one twice. kind: before (ahead of the due day) | after (the day after, report still missing).
CREATE TABLE unit_reminders (
  unit TEXT NOT NULL,
  period TEXT NOT NULL,
  kind TEXT NOT NULL,
  recipient TEXT NOT NULL,
  message_id TEXT NOT NULL,
  queued_at INTEGER NOT NULL,
  PRIMARY KEY (unit, period, kind)
);
