-- How the stored version of each note came to be, so the one merge rule (store/Merge.java) holds across
-- restarts and instances: 'READ' (found by a read of Caspio, stored at came_at after its answer came),
-- 'PUSH' (pushed from here, Caspio's answer at came_at), and for tombstones 'HERE' (deleted here, the
-- delete reached Caspio at came_at) or 'LISTING' (missing from a key listing, stored at came_at after the
-- listing's answer came). A read that began before a
-- tombstone was made never brings the note back. Null while a local write waits for its push. Instants
-- are epoch milliseconds; versions stored before this migration count as known since they were stored.
ALTER TABLE notes ADD COLUMN came_by TEXT;
ALTER TABLE notes ADD COLUMN came_at INTEGER;
UPDATE notes SET came_by = 'LISTING', came_at = changed_at WHERE deleted = 1;
UPDATE notes SET came_by = 'PUSH', came_at = changed_at WHERE deleted <> 1 AND pk_id IS NOT NULL;
