-- The refusal grounds taken out of use and put back (docs/console.md, "Refusal grounds"). A ground
-- is the ground of its refusal templates (notice_templates, kind 'refuse') and is never deleted: its
-- templates and the refusals that cite it keep their meaning. Each retirement or reinstatement is one
-- row with its actor and time (append-only); the newest row of a ground is its state.
CREATE TABLE refusal_ground_changes (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ground TEXT NOT NULL,
  change TEXT NOT NULL CHECK (change IN ('retired', 'reinstated')),
  actor TEXT NOT NULL,
  at BIGINT NOT NULL
);

CREATE INDEX refusal_ground_changes_by_ground ON refusal_ground_changes (ground, id);

CREATE TRIGGER refusal_ground_changes_append_only BEFORE UPDATE OR DELETE ON refusal_ground_changes
  FOR EACH ROW EXECUTE FUNCTION disclose_refuse_change('refusal ground changes are kept: retire or reinstate the ground again instead');

CREATE TRIGGER refusal_ground_changes_no_truncate BEFORE TRUNCATE ON refusal_ground_changes
  FOR EACH STATEMENT EXECUTE FUNCTION disclose_refuse_change('refusal ground changes are kept: TRUNCATE is refused');
