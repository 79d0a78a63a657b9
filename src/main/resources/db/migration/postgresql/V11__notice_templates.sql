-- The texts of answers and notices (docs/register.md, "Templates"): per kind (acknowledge, extend,
-- forward, clarify, refuse, answer), legal ground (refusals only; '' otherwise) and language. Every
-- edit is a new version with the editing actor and time; earlier versions are kept (append-only), and
-- the highest version is the one in use. Version 1 of each is seeded from
-- src/main/resources/az/disclose/inbox/notice-templates.properties by the application.
CREATE TABLE notice_templates (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('acknowledge', 'extend', 'forward', 'clarify', 'refuse', 'answer')),
  ground TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('az', 'en')),
  version INTEGER NOT NULL CHECK (version >= 1),
  body TEXT NOT NULL,
  edited_by TEXT NOT NULL,
  edited_at BIGINT NOT NULL,
  CHECK ((kind = 'refuse') = (ground <> '')),
  UNIQUE (kind, ground, language, version)
);

CREATE TRIGGER notice_templates_append_only BEFORE UPDATE OR DELETE ON notice_templates
  FOR EACH ROW EXECUTE FUNCTION disclose_refuse_change('template versions are kept: save a new version instead of changing or deleting one');
