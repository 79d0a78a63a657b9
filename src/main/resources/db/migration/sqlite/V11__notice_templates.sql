-- The texts of answers and notices (docs/register.md, "Templates"): per kind (acknowledge, extend,
-- forward, clarify, refuse, answer), legal ground (refusals only; '' otherwise) and language. Every
-- edit is a new version with the editing actor and time; earlier versions are kept (append-only), and
-- the highest version is the one in use. Version 1 of each is seeded from
-- src/main/resources/az/disclose/inbox/notice-templates.properties by the application.
CREATE TABLE notice_templates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('acknowledge', 'extend', 'forward', 'clarify', 'refuse', 'answer')),
  ground TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('az', 'en')),
  version INTEGER NOT NULL CHECK (version >= 1),
  body TEXT NOT NULL,
  edited_by TEXT NOT NULL,
  edited_at INTEGER NOT NULL,
  CHECK ((kind = 'refuse') = (ground <> '')),
  UNIQUE (kind, ground, language, version)
);

CREATE TRIGGER notice_templates_append_only BEFORE UPDATE ON notice_templates
BEGIN
  SELECT RAISE(ABORT, 'template versions are kept: save a new version instead of changing one');
END;

CREATE TRIGGER notice_templates_kept BEFORE DELETE ON notice_templates
BEGIN
  SELECT RAISE(ABORT, 'template versions are kept: save a new version instead of deleting one');
END;
