-- The life of a profile: drafts, immutable approved versions, API keys and the audit log.

-- An approved version is a frozen copy of what a profile said. Nothing may
-- change or delete one, whatever the code above does.
CREATE TABLE profile_versions (
  profile_code text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  content jsonb NOT NULL,
  content_hash text NOT NULL,
  review jsonb,
  approved_by text NOT NULL,
  approved_at timestamptz NOT NULL DEFAULT now(),
  note text,
  PRIMARY KEY (profile_code, version)
);

CREATE FUNCTION canon_forbid_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'approved version % of % is immutable', OLD.version, OLD.profile_code
    USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER profile_versions_immutable BEFORE UPDATE OR DELETE ON profile_versions
  FOR EACH ROW EXECUTE FUNCTION canon_forbid_version_change();

-- At most one open draft per profile. revision counts saves, so that an
-- approval can insist on approving exactly the draft that was reviewed.
CREATE TABLE profile_drafts (
  profile_code text PRIMARY KEY,
  base_version integer,
  status text NOT NULL CHECK (status IN ('draft', 'in_review')),
  content jsonb NOT NULL,
  notes jsonb NOT NULL DEFAULT '[]',
  revision integer NOT NULL DEFAULT 1,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  id text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('viewer', 'editor', 'approver', 'admin')),
  salt text NOT NULL,
  hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  before jsonb,
  after jsonb,
  note text
);

CREATE INDEX audit_log_target ON audit_log (target, id);

-- Stores created before versions existed load the built-in taxonomy again on
-- their next start, which records each built-in profile's first version.
DELETE FROM store_meta WHERE key = 'builtin_taxonomy_hash';
