-- Career links per focus level (entry from / advancement to / lateral moves) and
-- sourced transitions between levels (key shift, typical time).
ALTER TABLE focus_levels ADD COLUMN career jsonb NOT NULL DEFAULT '{"entryFrom": [], "advancementTo": [], "lateral": []}';
ALTER TABLE focuses ADD COLUMN transitions jsonb NOT NULL DEFAULT '[]';
