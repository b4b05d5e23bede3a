-- Phrases that, found in a job title, point to a focus (used by the title resolver).
ALTER TABLE focuses ADD COLUMN title_cues jsonb NOT NULL DEFAULT '[]';
