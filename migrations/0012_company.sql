-- A company's mapping onto Canon, kept per workspace: the imports stored, the current jobs (one row
-- per matched row of the latest import), the dictionary of decisions people made in the review
-- queue, and the grades whose Canon levels were set by hand.
CREATE TABLE company_imports (
  id bigserial PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  file text NOT NULL,
  -- SHA-256 of the file's bytes and the options that read it: the same file read the same way again.
  file_hash text NOT NULL,
  options jsonb NOT NULL,
  summary jsonb NOT NULL,
  decided jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX company_imports_workspace ON company_imports (workspace_id, id);

-- Replaced whole by each import (and rewritten by a decision or a grade set by hand), in the
-- transaction that records the import: a workspace holds one import's jobs, never a mix.
CREATE TABLE company_jobs (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  line integer NOT NULL,
  import_id bigint NOT NULL REFERENCES company_imports (id),
  job_code text NOT NULL,
  title text NOT NULL,
  department text NOT NULL,
  -- The title and department as the dictionary compares them (lower case, spaces collapsed).
  title_key text NOT NULL,
  department_key text NOT NULL,
  grade text NOT NULL,
  location text NOT NULL,
  employee_id text NOT NULL,
  headcount integer NOT NULL,
  base_pay double precision,
  currency text NOT NULL,
  status text NOT NULL CHECK (status IN ('matched', 'needs review', 'unmatched')),
  decided_by text NOT NULL CHECK (decided_by IN ('person', 'dictionary', 'automatic')),
  match json NOT NULL,
  PRIMARY KEY (workspace_id, line)
);
CREATE INDEX company_jobs_dictionary_key ON company_jobs (workspace_id, title_key, department_key);

CREATE TABLE company_dictionary (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  title_key text NOT NULL,
  department_key text NOT NULL,
  title text NOT NULL,
  department text NOT NULL,
  profile_code text NOT NULL,
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  note text,
  PRIMARY KEY (workspace_id, title_key, department_key)
);

-- The grade is kept as the grade table spells it (parseGrade's key: "G07" and "G7" are one grade).
CREATE TABLE company_grades (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  grade text NOT NULL,
  levels text NOT NULL,
  reason text NOT NULL,
  set_by text NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, grade)
);
