-- The size of each Caspio row as its last full read answered it (compact JSON): a full reload of a
-- member is the sum over its live rows, computed from what is stored, never from averages.
CREATE TABLE caspio_row_bytes (
    pk_id INTEGER PRIMARY KEY,
    bytes INTEGER NOT NULL
);

-- What full reloads would have fetched for the visits served for this member (dataTransferSaved).
ALTER TABLE member_sync_status ADD COLUMN reload_bytes INTEGER NOT NULL DEFAULT 0;

-- Service-wide byte counters: 'caspio' (every byte exchanged with Caspio) and 'cleared_reload' (the
-- reload bytes of members whose local data was cleared since).
CREATE TABLE transfer_totals (
    name  TEXT    PRIMARY KEY,
    bytes INTEGER NOT NULL DEFAULT 0
);
