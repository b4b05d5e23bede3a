-- Documents read by the factory: the text they were read from (for spans), the
-- levels found and how they map, and every claim as evidence with its span.
CREATE TABLE documents (
  source_id text PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
  content_hash text NOT NULL UNIQUE,
  name text NOT NULL,
  format text NOT NULL,
  ladder text,
  body text NOT NULL,
  levels jsonb NOT NULL,
  warnings jsonb NOT NULL,
  ingested_by text NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE evidence (
  id bigserial PRIMARY KEY,
  source_id text NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  kind text NOT NULL,
  subtype text,
  text text NOT NULL,
  level_label text,
  canonical_level text,
  section_path jsonb NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  details jsonb
);

CREATE INDEX evidence_source ON evidence (source_id, start_offset);
CREATE INDEX evidence_canonical_level ON evidence (canonical_level, kind);

-- Changes the factory suggests from a document's evidence (each statement carries its evidence
-- ids); an editor turns them into a draft.
CREATE TABLE source_proposals (
  id bigserial PRIMARY KEY,
  source_id text NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  profile_code text NOT NULL,
  proposal jsonb NOT NULL,
  note text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'applied')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX source_proposals_profile ON source_proposals (profile_code, status);
