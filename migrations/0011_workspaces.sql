-- A company's data lives in a workspace. An API key may be scoped to one: its role holds there, and
-- on the shared taxonomy it may only read. Keys without a workspace are the taxonomy's own.
CREATE TABLE workspaces (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  name text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE api_keys ADD COLUMN workspace_id text REFERENCES workspaces (id);
CREATE INDEX api_keys_workspace ON api_keys (workspace_id);
