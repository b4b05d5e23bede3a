-- Pay observations: one row per occupation (or profile) and region from a dataset.
CREATE TABLE pay_observations (
  dataset text NOT NULL,
  soc_code text,
  profile_code text,
  region text NOT NULL,
  currency text NOT NULL,
  period text NOT NULL CHECK (period IN ('annual', 'hourly')),
  p10 double precision,
  p25 double precision,
  median double precision,
  p75 double precision,
  p90 double precision,
  mean double precision,
  -- Percentiles the source reports only as "at or above its top-coded value".
  top_coded jsonb NOT NULL DEFAULT '[]',
  top_code double precision,
  employment integer,
  as_of text,
  source text NOT NULL,
  line integer NOT NULL,
  CHECK (soc_code IS NOT NULL OR profile_code IS NOT NULL)
);
CREATE INDEX pay_observations_soc ON pay_observations (soc_code);
CREATE INDEX pay_observations_profile ON pay_observations (profile_code);
CREATE INDEX pay_observations_dataset ON pay_observations (dataset);
