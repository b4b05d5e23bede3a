-- A job's match (its profile, level, confidence, reasons and explanation) kept once per workspace
-- and shared by every job matched alike. An HRIS export's 50,000 rows hold a few thousand distinct
-- matches; a copy in every row made a workspace's mapping 47 MB of JSON to write and to read back,
-- and the first page after a server start waited seconds on it.
CREATE TABLE company_matches (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  -- A digest of the match's JSON: the same match written twice is one row.
  match_key text NOT NULL,
  match json NOT NULL,
  PRIMARY KEY (workspace_id, match_key)
);

-- A row's own part of its match: its line (the row's key already) and the earlier row it repeats.
ALTER TABLE company_jobs ADD COLUMN duplicate_of integer, ADD COLUMN match_key text;

INSERT INTO company_matches (workspace_id, match_key, match)
SELECT DISTINCT ON (workspace_id, match_key) workspace_id, match_key, shared::json
FROM (
  SELECT workspace_id, shared, md5(shared::text) AS match_key
  FROM (SELECT workspace_id, match::jsonb - 'line' - 'duplicateOf' AS shared FROM company_jobs) AS parts
) AS keyed;

UPDATE company_jobs
SET duplicate_of = (match ->> 'duplicateOf')::integer,
  match_key = md5((match::jsonb - 'line' - 'duplicateOf')::text);

ALTER TABLE company_jobs
  ALTER COLUMN match_key SET NOT NULL,
  DROP COLUMN match,
  ADD FOREIGN KEY (workspace_id, match_key) REFERENCES company_matches (workspace_id, match_key);
