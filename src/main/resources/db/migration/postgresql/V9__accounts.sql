-- The officers' accounts, their second factor, their sessions and the audit of every sign-in and
-- account change (PostgreSQL; the same for SQLite, each column explained, in ../sqlite/V9__accounts.sql).
-- Times are epoch milliseconds (UTC).
CREATE TABLE accounts (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('administrator', 'foi_officer', 'unit_responder', 'viewer')),
  unit TEXT,
  password_hash TEXT NOT NULL,
  totp_secret TEXT,
  totp_last_step BIGINT NOT NULL DEFAULT 0,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at BIGINT NOT NULL,
  CHECK ((role = 'unit_responder') = (unit IS NOT NULL))
);

CREATE TABLE recovery_codes (
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  position INTEGER NOT NULL,
  code_hash TEXT NOT NULL,
  used_at BIGINT,
  PRIMARY KEY (account_id, position)
);

CREATE TABLE account_sessions (
  id_hash TEXT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX account_sessions_by_account ON account_sessions (account_id);

CREATE TABLE account_audit (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  username TEXT NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX account_audit_by_username ON account_audit (username, id);

CREATE TRIGGER account_audit_append_only BEFORE UPDATE OR DELETE ON account_audit
  FOR EACH ROW EXECUTE FUNCTION disclose_refuse_change('the account audit is append-only: its rows are never changed or deleted');
CREATE TRIGGER account_audit_no_truncate BEFORE TRUNCATE ON account_audit
  FOR EACH STATEMENT EXECUTE FUNCTION disclose_refuse_change('the account audit is append-only: TRUNCATE is refused');

CREATE TRIGGER accounts_kept BEFORE DELETE ON accounts
  FOR EACH ROW EXECUTE FUNCTION disclose_refuse_change('accounts are disabled, never deleted: the audit refers to them');
CREATE TRIGGER accounts_no_truncate BEFORE TRUNCATE ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION disclose_refuse_change('accounts are disabled, never deleted: TRUNCATE is refused');
