-- When an attempt of this entry was sent and got no answer (a timeout, a cut connection): the row it
-- may have made can still be committing in Caspio, so a retry waits the overlap window from then
-- before it looks the note up and creates it. Kept across restarts and instances (issue 14).
ALTER TABLE outbox ADD COLUMN unanswered_at BIGINT;
