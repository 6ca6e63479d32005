-- A version per member, bumped in the same transaction as every change of what a member's answer shows:
-- its notes, and the stored sizes of their Caspio rows (what a full reload would fetch). Triggers do it,
-- so no write path (any instance's, a hand-made fix) can forget it. A reader that finds the version it
-- saw before may answer from memory (issue 19). A row is never deleted, so a version is never handed out
-- twice for one member.
--
-- Row-level triggers: the store writes a preload's pages as JDBC batches, which the driver sends as one
-- statement per row, and a statement-level trigger (transition tables) cost five times a row trigger
-- there (20,000 single-row upserts: 1.4 s with row triggers, 2.0 to 7.3 s with statement triggers, 0.4 s
-- with none; in 1,000-row statements about the same either way).
CREATE TABLE member_versions (
    client_id2 TEXT   PRIMARY KEY,
    version    BIGINT NOT NULL
);

INSERT INTO member_versions (client_id2, version) SELECT DISTINCT client_id2, 1 FROM notes;

CREATE FUNCTION notes_bump_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO member_versions (client_id2, version) VALUES (NEW.client_id2, 1)
            ON CONFLICT (client_id2) DO UPDATE SET version = member_versions.version + 1;
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.client_id2 <> NEW.client_id2) THEN
        UPDATE member_versions SET version = version + 1 WHERE client_id2 = OLD.client_id2;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER notes_bump_member AFTER INSERT OR UPDATE OR DELETE ON notes
    FOR EACH ROW EXECUTE FUNCTION notes_bump_member();

-- A row's size bumps only a member that has the row (sizes are recorded as rows are read, before the
-- notes are stored; storing them bumps the member then), and only when the size changed.
CREATE FUNCTION row_bytes_bump_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        UPDATE member_versions SET version = version + 1
            WHERE client_id2 = (SELECT n.client_id2 FROM notes n WHERE n.pk_id = NEW.pk_id);
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.pk_id <> NEW.pk_id) THEN
        UPDATE member_versions SET version = version + 1
            WHERE client_id2 = (SELECT n.client_id2 FROM notes n WHERE n.pk_id = OLD.pk_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER row_bytes_insert_bumps_member AFTER INSERT OR DELETE ON caspio_row_bytes
    FOR EACH ROW EXECUTE FUNCTION row_bytes_bump_member();
CREATE TRIGGER row_bytes_update_bumps_member AFTER UPDATE ON caspio_row_bytes
    FOR EACH ROW WHEN (OLD.bytes IS DISTINCT FROM NEW.bytes OR OLD.pk_id IS DISTINCT FROM NEW.pk_id)
    EXECUTE FUNCTION row_bytes_bump_member();
