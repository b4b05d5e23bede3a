-- Who runs an import into a workspace, and until when: a lease taken when the import starts (before
-- its dry run, which takes most of a minute for a large file), renewed while it runs and deleted when it
-- ends. A second import, from any process on the same database, is refused at its start while the
-- lease holds; a killed process's lease lapses at expires_at and the next import takes it over. The
-- advisory lock the write takes stays the final guard.
CREATE TABLE company_import_runs (
  workspace_id text PRIMARY KEY REFERENCES workspaces (id),
  -- One run's own id: only the run holding the lease renews or releases it.
  run_id text NOT NULL,
  -- Who started it, as the audit log names them, and which process runs it (host and pid).
  holder text NOT NULL,
  process text NOT NULL,
  file text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
