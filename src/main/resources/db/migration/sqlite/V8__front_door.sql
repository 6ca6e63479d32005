-- Failed sign-ins per (user id as typed, client address): growing delays, then a lockout of that pair
-- only, so a stranger elsewhere cannot lock a member of staff out. Rows go once their block is long over.
CREATE TABLE sign_in_failures (
    user_id         TEXT    NOT NULL,
    address         TEXT    NOT NULL,
    failures        INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL,
    blocked_until   INTEGER NOT NULL,
    locked          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, address)
);
CREATE INDEX sign_in_failures_by_last ON sign_in_failures (last_failure_at);

-- Idempotency-Key of note creates, per caller: the note id the key was given, the body's fingerprint and
-- the first answer (which holds a note's text, as the notes table does). Kept for a day.
CREATE TABLE idempotency_keys (
    actor       TEXT    NOT NULL,
    idem_key    TEXT    NOT NULL,
    fingerprint TEXT    NOT NULL,
    note_id     TEXT    NOT NULL,
    status      INTEGER,
    answer      TEXT,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (actor, idem_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

-- Webhook messages seen, by Caspio's messageId, for as long as their eventDate is inside the window.
CREATE TABLE webhook_messages (
    message_id  TEXT    PRIMARY KEY,
    received_at INTEGER NOT NULL
);
CREATE INDEX webhook_messages_by_age ON webhook_messages (received_at);
