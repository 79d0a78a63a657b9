-- Retention for the mail tables (PostgreSQL; the same for SQLite in ../sqlite/V3__mail_retention.sql).
-- `disclose requests purge` may now delete resolved quarantine entries older than the retention period
-- (rule 5.2; the age is checked by the purge, which refuses periods shorter than retention_days).
-- An open entry is still never deleted.
CREATE OR REPLACE FUNCTION disclose_quarantine_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'open' THEN
      RAISE EXCEPTION 'an open quarantined message is kept';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'open' THEN
    RAISE EXCEPTION 'a quarantined message is resolved only once';
  END IF;
  IF NEW.message_key IS DISTINCT FROM OLD.message_key OR NEW.received_at IS DISTINCT FROM OLD.received_at
      OR NEW.reason IS DISTINCT FROM OLD.reason OR NEW.raw IS DISTINCT FROM OLD.raw THEN
    RAISE EXCEPTION 'a quarantined message is kept as received';
  END IF;
  RETURN NEW;
END;
$$;
