-- Every query on changed_at names its member too, and notes_by_member narrows that to the member's few
-- dozen rows; this second per-member index was one more B-tree to update for each note stored (a
-- table-wide preload stores hundreds of thousands).
DROP INDEX notes_by_member_changed;
