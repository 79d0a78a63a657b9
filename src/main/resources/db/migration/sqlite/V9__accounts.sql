-- The officers' accounts, their second factor, their sessions and the audit of every sign-in and
-- account change (SQLite; the same for PostgreSQL in ../postgresql/V9__accounts.sql). docs/console.md
-- explains the roles; az.disclose.inbox.accounts is the one writer. Times are epoch milliseconds (UTC).
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- lower-case ASCII: letters, digits, '.', '_', '-'
  username TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('administrator', 'foi_officer', 'unit_responder', 'viewer')),
  -- the unit of a unit responder; no other role has one
  unit TEXT,
  -- Argon2id in the PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$hash): never the password
  password_hash TEXT NOT NULL,
  -- the TOTP secret (Base32), NULL until a second factor is enrolled
  totp_secret TEXT,
  -- the newest TOTP time step accepted: a code is never accepted twice
  totp_last_step INTEGER NOT NULL DEFAULT 0,
  -- wrong passwords or codes since the last sign-in or lock
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at INTEGER NOT NULL,
  CHECK ((role = 'unit_responder') = (unit IS NOT NULL))
);

-- One-time recovery codes, Argon2id-hashed like passwords; used_at is set when one is spent.
CREATE TABLE recovery_codes (
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  position INTEGER NOT NULL,
  code_hash TEXT NOT NULL,
  used_at INTEGER,
  PRIMARY KEY (account_id, position)
);

-- Signed-in sessions: the SHA-256 of the session id (the id itself is only in the browser's cookie).
CREATE TABLE account_sessions (
  id_hash TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX account_sessions_by_account ON account_sessions (account_id);

-- Every sign-in attempt, lock, creation, role change, disable and reset. Append-only.
CREATE TABLE account_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  -- who did it: the account itself for sign-ins, the administrator (or CLI user) for changes
  actor TEXT NOT NULL,
  -- the account concerned (as typed, for a sign-in under an unknown name)
  username TEXT NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX account_audit_by_username ON account_audit (username, id);

CREATE TRIGGER account_audit_no_update BEFORE UPDATE ON account_audit
BEGIN
  SELECT RAISE(ABORT, 'the account audit is append-only: its rows are never changed');
END;

CREATE TRIGGER account_audit_no_delete BEFORE DELETE ON account_audit
BEGIN
  SELECT RAISE(ABORT, 'the account audit is append-only: its rows are never deleted');
END;

CREATE TRIGGER account_audit_appended_only BEFORE INSERT ON account_audit
WHEN EXISTS (SELECT 1 FROM account_audit a WHERE a.id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'the account audit is append-only: an id is never given twice (no INSERT OR REPLACE)');
END;

-- An account is disabled, never deleted: the audit names it.
CREATE TRIGGER accounts_kept BEFORE DELETE ON accounts
BEGIN
  SELECT RAISE(ABORT, 'accounts are disabled, never deleted: the audit refers to them');
END;
