package io.smartsync.caspio;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a notes table in Caspio allows, read from its field list: which TIMESTAMP field can be the sync
 * cursor and whether it moves on update, whether creates can carry a sync id, and how the member field
 * is quoted.
 *
 * @param cursor the TIMESTAMP field used as the cursor, or null when the table has none
 * @param updatesVisible true when the cursor field is set on update too, so edits made in Caspio show up
 * @param syncIdAvailable true when the sync-id field exists, so a create can be looked up after an
 *     ambiguous failure
 * @param memberNumeric true when the member field is a number: ids are then sent unquoted
 * @param cursorZone the zone Caspio writes the cursor field in
 */
public record TableShape(
        FieldInfo cursor, boolean updatesVisible, boolean syncIdAvailable, boolean memberNumeric, ZoneId cursorZone) {

    /** What {@code setup} makes of a table: an update stamp in UTC and a sync-id field. */
    public static TableShape syncReady(NoteFields names) {
        return new TableShape(
                new FieldInfo(names.updateStamp(), "TIMESTAMP", false, true, true, "UTC", null),
                true,
                true,
                false,
                ZoneOffset.UTC);
    }

    /** Reads the shape from {@code GET /tables/{t}/fields}. */
    public static TableShape detect(List<FieldInfo> fields, NoteFields names) {
        Optional<FieldInfo> update = field(fields, names.updateStamp()).filter(TableShape::stampOnUpdate);
        Optional<FieldInfo> anyUpdate =
                fields.stream().filter(TableShape::stampOnUpdate).findFirst();
        Optional<FieldInfo> insertOnly = field(fields, names.timeStamp()).filter(FieldInfo::isTimestamp);
        FieldInfo cursor = update.or(() -> anyUpdate).or(() -> insertOnly).orElse(null);
        boolean numeric =
                field(fields, names.member()).map(FieldInfo::isNumeric).orElse(false);
        return new TableShape(
                cursor,
                cursor != null && stampOnUpdate(cursor),
                field(fields, names.syncId()).isPresent(),
                numeric,
                cursor == null ? ZoneOffset.UTC : CaspioZones.toZoneId(cursor.timeZone()));
    }

    private static boolean stampOnUpdate(FieldInfo f) {
        return f.isTimestamp() && Boolean.TRUE.equals(f.onUpdate());
    }

    private static Optional<FieldInfo> field(List<FieldInfo> fields, String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The fields {@code setup --apply} would add so that updates are seen and creates are idempotent. */
    public List<FieldInfo> missingFields(NoteFields names) {
        List<FieldInfo> missing = new ArrayList<>();
        if (!updatesVisible) {
            missing.add(new FieldInfo(
                    names.updateStamp(),
                    "TIMESTAMP",
                    false,
                    true,
                    true,
                    "UTC",
                    "Set by Caspio on insert and on update: Smart Sync's cursor"));
        }
        if (!syncIdAvailable) {
            missing.add(new FieldInfo(
                    names.syncId(),
                    "STRING",
                    true,
                    null,
                    null,
                    null,
                    "Smart Sync's id of a note written through it (empty for rows made elsewhere)"));
        }
        return missing;
    }

    /** What this shape means for sync, in a few lines a person can act on. */
    public List<String> describe(NoteFields names) {
        List<String> lines = new ArrayList<>();
        if (cursor == null) {
            lines.add("cursor: none - the table has no TIMESTAMP field; every sync compares content (slow)");
        } else if (updatesVisible) {
            lines.add("cursor: " + cursor.name() + " (TIMESTAMP, set on insert and update, zone " + cursorZone.getId()
                    + ") - edits made in Caspio are seen by incremental sync");
        } else {
            lines.add("cursor: " + cursor.name() + " (TIMESTAMP, set on insert only) - edits made in Caspio are NOT"
                    + " seen by the cursor; only the slower content reconcile finds them");
        }
        lines.add(
                syncIdAvailable
                        ? "idempotent creates: yes, through " + names.syncId()
                        : "idempotent creates: no " + names.syncId()
                                + " field - after a lost answer a create is matched" + " by content");
        lines.add("member field: " + names.member() + (memberNumeric ? " (number, sent unquoted)" : " (text)"));
        return lines;
    }
}
