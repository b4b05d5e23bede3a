-- A level's own skills and years of experience were dropped on the way into the store, so a profile
-- with no approved version (a draft of the built-in files) lost them on its page. The columns keep
-- them; forgetting the built-in files' hash makes the next start write them again.
ALTER TABLE focus_levels ADD COLUMN skills jsonb;
ALTER TABLE focus_levels ADD COLUMN experience jsonb;
DELETE FROM store_meta WHERE key = 'builtin_taxonomy_hash';
