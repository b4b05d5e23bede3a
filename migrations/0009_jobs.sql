-- Bulk coding jobs: a CSV of job titles split into chunks that workers code one at a time.
-- The chunk rows are the record of the work; a queue (pg-boss on PostgreSQL, an in-process
-- runner on the embedded store) only says which chunk to take next.
CREATE TABLE bulk_jobs (
  id text PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  source_name text NOT NULL,
  title_column text NOT NULL,
  employer_column text,
  header jsonb NOT NULL,
  rows integer NOT NULL CHECK (rows >= 0),
  rows_done integer NOT NULL DEFAULT 0,
  bad_rows integer NOT NULL DEFAULT 0,
  chunks_total integer NOT NULL CHECK (chunks_total >= 0),
  chunks_done integer NOT NULL DEFAULT 0 CHECK (chunks_done <= chunks_total),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  error text
);

-- A chunk's input is its rows and their lines in the uploaded file; its output, the canon_*
-- cells of each row and the problems found, is written once (state 'done'), in the
-- transaction that counts it on its job, so a chunk coded twice is stored once.
CREATE TABLE bulk_job_chunks (
  job_id text NOT NULL REFERENCES bulk_jobs (id) ON DELETE CASCADE,
  chunk integer NOT NULL CHECK (chunk >= 0),
  input jsonb NOT NULL,
  rows integer NOT NULL,
  output jsonb,
  problems jsonb,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'done')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  coded_at timestamptz,
  PRIMARY KEY (job_id, chunk),
  CHECK ((state = 'done') = (output IS NOT NULL))
);

CREATE INDEX bulk_job_chunks_queued ON bulk_job_chunks (job_id, chunk) WHERE state = 'queued';
