-- When a note was first stored here: "new" in an answer means first stored after the previous answer.
ALTER TABLE notes ADD COLUMN first_seen_at BIGINT;
UPDATE notes SET first_seen_at = changed_at;

-- What the previous answer for the member showed, and when its rows were last checked against Caspio's keys.
ALTER TABLE member_sync_status ADD COLUMN last_served_at BIGINT;
ALTER TABLE member_sync_status ADD COLUMN last_reconciled_at BIGINT;

-- Table-wide cursors (the global poll): the Caspio stamp reached, when the chain of runs began (it
-- covers every change made since then) and when its last run finished.
CREATE TABLE table_cursors (
    name        TEXT    PRIMARY KEY,
    stamp       TEXT,
    pk          BIGINT  NOT NULL DEFAULT 0,
    started_at  BIGINT  NOT NULL,
    finished_at BIGINT
);
