-- The refusal grounds' names in words, one per ground and language (docs/register.md, "Refusals"):
-- what a requester reads as the legal basis of a refusal, never the ground's key. The default
-- grounds' names are seeded when the register opens (refusal-grounds.properties); a ground added
-- since is given its names with it. A refusal copies the names into its history event, so a name
-- here is never the only record of what a requester was told.
CREATE TABLE refusal_ground_names (
  ground TEXT NOT NULL,
  language TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (ground, language)
);
