-- The request register (PostgreSQL). Times are epoch milliseconds (UTC); dates are ISO yyyy-mm-dd
-- text, as in ../sqlite/V1__register.sql, so that both stores read and write the same values.

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
  raw BYTEA NOT NULL,
  raw_content_type TEXT NOT NULL,
  remote_address TEXT NOT NULL,
  status_token TEXT NOT NULL UNIQUE,
  registered_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  deadline_rule TEXT NOT NULL,
  due_date TEXT NOT NULL,
  due_at BIGINT NOT NULL,
  UNIQUE (year, sequence)
);

CREATE INDEX requests_status ON requests (status, due_at);
CREATE INDEX requests_registered ON requests (registered_at);

CREATE TABLE history (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_number TEXT NOT NULL REFERENCES requests (number),
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  visible INTEGER NOT NULL CHECK (visible IN (0, 1))
);

CREATE INDEX history_request ON history (request_number, id);

CREATE TABLE attachments (
  request_number TEXT NOT NULL REFERENCES requests (number),
  position INTEGER NOT NULL,
  role TEXT NOT NULL,
  history_id BIGINT REFERENCES history (id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  bytes BYTEA NOT NULL,
  PRIMARY KEY (request_number, position)
);

CREATE TABLE purged (
  number TEXT NOT NULL PRIMARY KEY,
  registered_at BIGINT NOT NULL,
  last_event_at BIGINT NOT NULL,
  purged_at BIGINT NOT NULL,
  actor TEXT NOT NULL
);

CREATE FUNCTION disclose_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END;
$$;

CREATE TRIGGER history_append_only BEFORE UPDATE ON history
  FOR EACH ROW EXECUTE FUNCTION disclose_refuse_change('history is append-only');

CREATE TRIGGER attachments_unchanged BEFORE UPDATE ON attachments
  FOR EACH ROW EXECUTE FUNCTION disclose_refuse_change('attachments are kept as received');

CREATE TRIGGER requests_as_received BEFORE UPDATE OF number, year, sequence, channel, type, urgency, name, email,
  subject, message, language, raw, raw_content_type, remote_address, status_token, registered_at ON requests
  FOR EACH ROW EXECUTE FUNCTION disclose_refuse_change('a request is kept as received');

CREATE TRIGGER purged_append_only BEFORE UPDATE OR DELETE ON purged
  FOR EACH ROW EXECUTE FUNCTION disclose_refuse_change('the purge log is append-only');
