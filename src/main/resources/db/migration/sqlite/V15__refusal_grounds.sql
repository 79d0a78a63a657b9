-- The refusal grounds taken out of use and put back (docs/console.md, "Refusal grounds"). A ground
-- is the ground of its refusal templates (notice_templates, kind 'refuse') and is never deleted: its
-- templates and the refusals that cite it keep their meaning. Each retirement or reinstatement is one
-- row with its actor and time (append-only); the newest row of a ground is its state.
CREATE TABLE refusal_ground_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ground TEXT NOT NULL,
  change TEXT NOT NULL CHECK (change IN ('retired', 'reinstated')),
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
);

CREATE INDEX refusal_ground_changes_by_ground ON refusal_ground_changes (ground, id);

CREATE TRIGGER refusal_ground_changes_append_only BEFORE UPDATE ON refusal_ground_changes
BEGIN
  SELECT RAISE(ABORT, 'refusal ground changes are kept: retire or reinstate the ground again instead');
END;

CREATE TRIGGER refusal_ground_changes_kept BEFORE DELETE ON refusal_ground_changes
BEGIN
  SELECT RAISE(ABORT, 'refusal ground changes are kept: retire or reinstate the ground again instead');
END;
