-- Occupational classifications imported from O*NET and the SOC 2018 structure.
CREATE TABLE soc_codes (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}-[0-9]{4}$'),
  title text NOT NULL,
  grp text NOT NULL CHECK (grp IN ('major', 'minor', 'broad', 'detailed')),
  definition text
);

CREATE TABLE occupations (
  onet_code text PRIMARY KEY CHECK (onet_code ~ '^[0-9]{2}-[0-9]{4}\.[0-9]{2}$'),
  soc_code text NOT NULL,
  title text NOT NULL,
  description text NOT NULL,
  job_zone integer
);

CREATE TABLE occupation_titles (
  onet_code text NOT NULL REFERENCES occupations (onet_code) ON DELETE CASCADE,
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('alternate', 'short', 'reported')),
  PRIMARY KEY (onet_code, title, kind)
);

CREATE TABLE occupation_tasks (
  onet_code text NOT NULL REFERENCES occupations (onet_code) ON DELETE CASCADE,
  task_id integer NOT NULL,
  task text NOT NULL,
  task_type text,
  PRIMARY KEY (onet_code, task_id)
);

CREATE TABLE related_occupations (
  onet_code text NOT NULL REFERENCES occupations (onet_code) ON DELETE CASCADE,
  related_code text NOT NULL,
  tier text NOT NULL,
  rank integer NOT NULL,
  PRIMARY KEY (onet_code, related_code)
);

CREATE TABLE occupation_technologies (
  onet_code text NOT NULL REFERENCES occupations (onet_code) ON DELETE CASCADE,
  example text NOT NULL,
  commodity text NOT NULL,
  hot boolean NOT NULL,
  in_demand boolean NOT NULL,
  PRIMARY KEY (onet_code, example)
);

-- One row per imported dataset: what was loaded, from where, and how much.
CREATE TABLE imports (
  dataset text PRIMARY KEY,
  source text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  counts jsonb NOT NULL
);
