-- Instants are epoch milliseconds (UTC); Caspio's own stamps are kept as the text Caspio sent.
CREATE TABLE notes (
    note_id              TEXT    PRIMARY KEY,
    client_id2           TEXT    NOT NULL,
    pk_id                INTEGER UNIQUE,
    comments             TEXT    NOT NULL,
    user_id              TEXT,
    user_full_name       TEXT,
    time_stamp           INTEGER,
    follow_up_date       TEXT,
    follow_up_status     TEXT,
    follow_up_assignment TEXT,
    assigned_first       TEXT,
    senior_full_name     TEXT,
    last_modified        INTEGER,
    caspio_stamp         TEXT,
    sync_state           TEXT    NOT NULL,
    deleted              INTEGER NOT NULL DEFAULT 0,
    changed_at           INTEGER NOT NULL
);
CREATE INDEX notes_by_member ON notes (client_id2, time_stamp);
CREATE INDEX notes_by_member_changed ON notes (client_id2, changed_at);

CREATE TABLE member_sync_status (
    client_id2             TEXT    PRIMARY KEY,
    initial_sync_completed INTEGER NOT NULL,
    last_sync_at           INTEGER,
    cursor_stamp           TEXT,
    cursor_pk              INTEGER NOT NULL DEFAULT 0,
    total_notes_count      INTEGER NOT NULL DEFAULT 0,
    last_note_id           TEXT
);

CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    note_id     TEXT    NOT NULL,
    client_id2  TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    queued_at   INTEGER NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    failed      INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_until INTEGER
);
CREATE INDEX outbox_by_note ON outbox (note_id, id);

CREATE TABLE api_keys (
    id         TEXT    PRIMARY KEY,
    key_hash   TEXT    NOT NULL UNIQUE,
    owner_id   TEXT    NOT NULL,
    owner_name TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    client_id2 TEXT,
    note_id    TEXT,
    outcome    TEXT    NOT NULL
);
CREATE INDEX audit_by_time ON audit_log (at);
