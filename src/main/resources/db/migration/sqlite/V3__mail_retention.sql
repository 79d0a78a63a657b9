-- Retention for the mail tables (SQLite; the same for PostgreSQL in ../postgresql/V3__mail_retention.sql).
-- `disclose requests purge` may now delete resolved quarantine entries older than the retention period
-- (rule 5.2; the age is checked by the purge, which refuses periods shorter than retention_days).
-- An open entry is still never deleted.
DROP TRIGGER mail_quarantine_no_delete;

CREATE TRIGGER mail_quarantine_open_kept BEFORE DELETE ON mail_quarantine WHEN OLD.status = 'open'
BEGIN
  SELECT RAISE(ABORT, 'an open quarantined message is kept');
END;
