-- The import page's uploads and dry runs, kept in the store so that any server on the database can
-- show a run's progress, its dry run and store it: a user's next request may land on another server,
-- and a server restart loses only the work it had in flight.

-- A file uploaded to the import page, kept by the SHA-256 of its bytes: the same file uploaded twice
-- is kept once. A workspace keeps a budget of bytes; the oldest uploads go first.
CREATE TABLE company_uploads (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  hash text NOT NULL,
  file text NOT NULL,
  bytes bytea NOT NULL,
  size integer NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, hash)
);

-- One dry run of an upload, with its store once the user asks. Its preview is not kept (it is large,
-- and the same bytes, options, catalog and workspace give the same one): a server rebuilds it. The
-- basis is a hash of what the dry run read besides the file, compared before a store.
CREATE TABLE company_dry_runs (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  -- Not a foreign key: an upload dropped for the budget leaves its finished runs to say so.
  upload_hash text NOT NULL,
  file text NOT NULL,
  options jsonb NOT NULL,
  confirmed boolean NOT NULL,
  state text NOT NULL CHECK (state IN ('previewing', 'previewed', 'failed', 'storing', 'stored')),
  progress jsonb,
  basis text,
  has_current boolean NOT NULL DEFAULT false,
  stored jsonb,
  error jsonb,
  -- The process working the run ("pid N on host"), and when it last said so: a run in flight whose
  -- process is gone, or silent too long, was interrupted.
  owner text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX company_dry_runs_workspace ON company_dry_runs (workspace_id, created_at);
-- One run in flight per workspace, whichever server starts it: a second is refused by this index.
CREATE UNIQUE INDEX company_dry_runs_in_flight ON company_dry_runs (workspace_id)
  WHERE state IN ('previewing', 'storing');
