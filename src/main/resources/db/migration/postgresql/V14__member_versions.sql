-- A version per member, bumped in the same transaction as every change of what a member's answer shows:
-- its notes, and the stored sizes of their Caspio rows (what a full reload would fetch). Triggers do it,
-- so no write path (any instance's, a hand-made fix) can forget it. A reader that finds the version it
-- saw before may answer from memory (issue 19). A row is never deleted, so a version is never handed out
-- twice for one member.
--
-- Statement-level triggers with transition tables: a page of a preload stores a thousand notes of a few
-- hundred members in one statement (with reWriteBatchedInserts) and bumps each member once, not once a row.
-- Members are bumped in id order, so two statements bumping the same members never wait in a circle.
CREATE TABLE member_versions (
    client_id2 TEXT   PRIMARY KEY,
    version    BIGINT NOT NULL
);

INSERT INTO member_versions (client_id2, version) SELECT DISTINCT client_id2, 1 FROM notes;

CREATE FUNCTION bump_member_versions(members TEXT[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO member_versions (client_id2, version)
    SELECT m, 1 FROM (SELECT DISTINCT unnest(members) AS m) d WHERE m IS NOT NULL ORDER BY m
    ON CONFLICT (client_id2) DO UPDATE SET version = member_versions.version + 1;
$$;

CREATE FUNCTION notes_bump_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM bump_member_versions(ARRAY(SELECT client_id2 FROM new_notes));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM bump_member_versions(ARRAY(SELECT client_id2 FROM new_notes UNION SELECT client_id2 FROM old_notes));
    ELSE
        PERFORM bump_member_versions(ARRAY(SELECT client_id2 FROM old_notes));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER notes_insert_bumps_members AFTER INSERT ON notes
    REFERENCING NEW TABLE AS new_notes FOR EACH STATEMENT EXECUTE FUNCTION notes_bump_members();
CREATE TRIGGER notes_update_bumps_members AFTER UPDATE ON notes
    REFERENCING OLD TABLE AS old_notes NEW TABLE AS new_notes FOR EACH STATEMENT EXECUTE FUNCTION notes_bump_members();
CREATE TRIGGER notes_delete_bumps_members AFTER DELETE ON notes
    REFERENCING OLD TABLE AS old_notes FOR EACH STATEMENT EXECUTE FUNCTION notes_bump_members();

-- A row's size bumps only a member that has the row (sizes are recorded as rows are read, before the
-- notes are stored; storing them bumps the member then), and only when the size changed.
CREATE FUNCTION row_bytes_bump_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM bump_member_versions(ARRAY(
            SELECT n.client_id2 FROM new_bytes b JOIN notes n ON n.pk_id = b.pk_id));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM bump_member_versions(ARRAY(
            SELECT n.client_id2 FROM new_bytes b JOIN old_bytes o ON o.pk_id = b.pk_id
            JOIN notes n ON n.pk_id = b.pk_id WHERE o.bytes IS DISTINCT FROM b.bytes));
    ELSE
        PERFORM bump_member_versions(ARRAY(
            SELECT n.client_id2 FROM old_bytes b JOIN notes n ON n.pk_id = b.pk_id));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER row_bytes_insert_bumps_members AFTER INSERT ON caspio_row_bytes
    REFERENCING NEW TABLE AS new_bytes FOR EACH STATEMENT EXECUTE FUNCTION row_bytes_bump_members();
CREATE TRIGGER row_bytes_update_bumps_members AFTER UPDATE ON caspio_row_bytes
    REFERENCING OLD TABLE AS old_bytes NEW TABLE AS new_bytes FOR EACH STATEMENT EXECUTE FUNCTION row_bytes_bump_members();
CREATE TRIGGER row_bytes_delete_bumps_members AFTER DELETE ON caspio_row_bytes
    REFERENCING OLD TABLE AS old_bytes FOR EACH STATEMENT EXECUTE FUNCTION row_bytes_bump_members();
