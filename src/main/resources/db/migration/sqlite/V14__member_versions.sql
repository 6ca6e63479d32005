-- A version per member, bumped in the same transaction as every change of what a member's answer shows:
-- its notes, and the stored sizes of their Caspio rows (what a full reload would fetch). Triggers do it,
-- so no write path (this process's, another process's on the same file, a hand-made fix) can forget it.
-- A reader that finds the version it saw before may answer from memory (issue 19). A row is never
-- deleted, so a version is never handed out twice for one member.
CREATE TABLE member_versions (
    client_id2 TEXT    PRIMARY KEY,
    version    INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO member_versions (client_id2, version) SELECT DISTINCT client_id2, 1 FROM notes;

CREATE TRIGGER notes_insert_bumps_member AFTER INSERT ON notes
BEGIN
    INSERT INTO member_versions (client_id2, version) VALUES (NEW.client_id2, 1)
        ON CONFLICT (client_id2) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER notes_update_bumps_member AFTER UPDATE ON notes
BEGIN
    INSERT INTO member_versions (client_id2, version) VALUES (NEW.client_id2, 1)
        ON CONFLICT (client_id2) DO UPDATE SET version = version + 1;
    UPDATE member_versions SET version = version + 1
        WHERE client_id2 = OLD.client_id2 AND OLD.client_id2 <> NEW.client_id2;
END;

CREATE TRIGGER notes_delete_bumps_member AFTER DELETE ON notes
BEGIN
    UPDATE member_versions SET version = version + 1 WHERE client_id2 = OLD.client_id2;
END;

CREATE TRIGGER row_bytes_insert_bumps_member AFTER INSERT ON caspio_row_bytes
BEGIN
    UPDATE member_versions SET version = version + 1
        WHERE client_id2 = (SELECT n.client_id2 FROM notes n WHERE n.pk_id = NEW.pk_id);
END;

CREATE TRIGGER row_bytes_update_bumps_member AFTER UPDATE ON caspio_row_bytes
    WHEN OLD.bytes IS NOT NEW.bytes OR OLD.pk_id IS NOT NEW.pk_id
BEGIN
    UPDATE member_versions SET version = version + 1
        WHERE client_id2 IN (SELECT n.client_id2 FROM notes n WHERE n.pk_id IN (OLD.pk_id, NEW.pk_id));
END;

CREATE TRIGGER row_bytes_delete_bumps_member AFTER DELETE ON caspio_row_bytes
BEGIN
    UPDATE member_versions SET version = version + 1
        WHERE client_id2 = (SELECT n.client_id2 FROM notes n WHERE n.pk_id = OLD.pk_id);
END;
