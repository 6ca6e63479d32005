-- For tables without an update stamp: a hash of the version a local edit was based on, compared with
-- Caspio's row just before the push writes over it.
ALTER TABLE outbox ADD COLUMN base_hash TEXT;
