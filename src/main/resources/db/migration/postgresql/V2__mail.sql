-- The mail intake and the outbox (PostgreSQL); the same schema as ../sqlite/V2__mail.sql, which
-- explains each table. Times are epoch milliseconds (UTC).

CREATE TABLE mail_messages (
  message_key TEXT NOT NULL PRIMARY KEY,
  received_at BIGINT NOT NULL,
  outcome TEXT NOT NULL,
  request_number TEXT,
  raw BYTEA
);

CREATE TABLE mail_quarantine (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_key TEXT NOT NULL UNIQUE,
  received_at BIGINT NOT NULL,
  reason TEXT NOT NULL,
  raw BYTEA NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  resolved_at BIGINT,
  resolved_by TEXT,
  resolution TEXT
);

CREATE FUNCTION disclose_quarantine_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'quarantined messages are kept';
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

CREATE TRIGGER mail_quarantine_guard BEFORE UPDATE OR DELETE ON mail_quarantine
  FOR EACH ROW EXECUTE FUNCTION disclose_quarantine_guard();

CREATE TABLE outbox (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_number TEXT NOT NULL,
  history_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  message_id TEXT NOT NULL UNIQUE,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  in_reply_to TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  sent_at BIGINT,
  last_error TEXT
);

CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
