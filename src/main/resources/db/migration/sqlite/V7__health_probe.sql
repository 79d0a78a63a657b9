-- The write probe of /healthz (SQLite; the same for PostgreSQL in ../postgresql/V7__health_probe.sql).
-- One row, rewritten by each probe in a transaction that commits, so that the probe exercises the
-- write lock, the journal and the commit's sync without touching the archive (whose tables refuse
-- changes that are not part of a registration or an officer's action).
CREATE TABLE health_probe (
  id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  -- when the last probe committed (epoch milliseconds, UTC)
  probed_at INTEGER NOT NULL
);

INSERT INTO health_probe (id, probed_at) VALUES (1, 0);
