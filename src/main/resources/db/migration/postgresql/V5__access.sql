-- People who sign in to the pages. Only an Argon2id hash of the password is kept.
CREATE TABLE users (
    user_id       TEXT    PRIMARY KEY,
    full_name     TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    disabled_at   BIGINT
);

-- Signed-in sessions. The cookie's token is kept only as its SHA-256; the CSRF token is not a
-- credential on its own (it is useless without the cookie).
CREATE TABLE sessions (
    token_hash   TEXT    PRIMARY KEY,
    user_id      TEXT    NOT NULL REFERENCES users (user_id),
    csrf_token   TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    last_seen_at BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- An admin asks "who read member X" and "what did user Y do".
CREATE INDEX audit_by_member ON audit_log (client_id2, id);
CREATE INDEX audit_by_actor ON audit_log (actor, id);

-- Caspio calls per calendar month (UTC), kept across restarts: the plan's budget is monthly.
CREATE TABLE caspio_usage (
    month     TEXT    PRIMARY KEY,
    requests  BIGINT  NOT NULL DEFAULT 0,
    bytes_in  BIGINT  NOT NULL DEFAULT 0,
    bytes_out BIGINT  NOT NULL DEFAULT 0
);
