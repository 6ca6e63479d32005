-- The Caspio stamp a local update or delete was based on: the push sends it as a condition.
ALTER TABLE outbox ADD COLUMN base_stamp TEXT;

CREATE TABLE conflicts (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    note_id      TEXT    NOT NULL,
    client_id2   TEXT    NOT NULL,
    detected_at  INTEGER NOT NULL,
    policy       TEXT    NOT NULL,
    outcome      TEXT    NOT NULL,
    base_stamp   TEXT,
    local_json   TEXT,
    server_json  TEXT,
    resolved_at  INTEGER,
    resolved_by  TEXT
);
CREATE INDEX conflicts_open ON conflicts (resolved_at, id);

-- One row per sync run: what it cost in Caspio calls and what it brought in.
CREATE TABLE sync_history (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at    INTEGER NOT NULL,
    duration_ms   INTEGER NOT NULL,
    kind          TEXT    NOT NULL,
    client_id2    TEXT,
    requests      INTEGER NOT NULL,
    bytes_in      INTEGER NOT NULL,
    bytes_out     INTEGER NOT NULL,
    rows_read     INTEGER NOT NULL,
    new_notes     INTEGER NOT NULL,
    updated_notes INTEGER NOT NULL,
    outcome       TEXT    NOT NULL
);
CREATE INDEX sync_history_by_time ON sync_history (started_at);
