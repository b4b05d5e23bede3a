-- The canonical taxonomy. Statements are stored as JSON arrays of {text, sources}
-- because they are always read and written with their parent row.
CREATE TABLE sources (
  id text PRIMARY KEY,
  title text NOT NULL,
  kind text NOT NULL,
  publisher text,
  url text,
  note text,
  origin text NOT NULL DEFAULT 'builtin'
);

CREATE TABLE functions (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z]{6}$'),
  key text NOT NULL UNIQUE,
  name text NOT NULL,
  description text NOT NULL,
  sources jsonb NOT NULL,
  origin text NOT NULL DEFAULT 'builtin'
);

CREATE TABLE focuses (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z]{8}[0-9A-F]{4}$'),
  key text NOT NULL UNIQUE,
  function_code text NOT NULL REFERENCES functions (code),
  name text NOT NULL,
  description text NOT NULL,
  distinct_from jsonb NOT NULL,
  differential jsonb NOT NULL,
  level_codes jsonb NOT NULL,
  skills jsonb NOT NULL,
  mappings jsonb NOT NULL,
  sources jsonb NOT NULL,
  origin text NOT NULL DEFAULT 'builtin'
);

CREATE TABLE focus_levels (
  focus_code text NOT NULL REFERENCES focuses (code) ON DELETE CASCADE,
  level_code text NOT NULL,
  responsibilities jsonb NOT NULL,
  rubric jsonb NOT NULL,
  PRIMARY KEY (focus_code, level_code)
);

CREATE TABLE profiles (
  code text PRIMARY KEY,
  function_code text NOT NULL REFERENCES functions (code),
  focus_code text NOT NULL REFERENCES focuses (code),
  level_code text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'in_review', 'approved', 'retired')),
  version integer,
  region text NOT NULL,
  confidence jsonb,
  aliases jsonb NOT NULL,
  pay jsonb NOT NULL,
  origin text NOT NULL DEFAULT 'builtin',
  UNIQUE (focus_code, level_code)
);

CREATE INDEX profiles_level_code ON profiles (level_code);

-- Small key/value facts about the store, e.g. the hash of the last built-in taxonomy loaded.
CREATE TABLE store_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);
