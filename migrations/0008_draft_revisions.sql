-- A draft's revision keeps counting across drafts of one profile: a client
-- holding revision 3 of a draft approved since must not match revision 3 of a
-- later draft. profiles.draft_revision is the last revision any draft reached.
ALTER TABLE profiles ADD COLUMN draft_revision integer NOT NULL DEFAULT 0;

UPDATE profiles p SET draft_revision = d.revision
FROM profile_drafts d
WHERE d.profile_code = p.code;
