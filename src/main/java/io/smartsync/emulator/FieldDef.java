package io.smartsync.emulator;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field of an emulated table. Names are plain identifiers, which is what lets the SQL builders
 * quote them without escaping; the timestamp properties exist only on TIMESTAMP fields.
 *
 * @param description free text shown by {@code GET /fields}; never null
 * @param label the name shown in Caspio's pages ({@code Label}); the field's name when none was given
 */
record FieldDef(
        String name,
        FieldType type,
        boolean unique,
        boolean onInsert,
        boolean onUpdate,
        String timeZone,
        Integer length,
        String description,
        String label) {

    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    // Caspio names zones the Windows way; these are the ones the app's accounts use.
    private static final Map<String, ZoneId> WINDOWS_ZONES = Map.of(
            "UTC", ZoneId.of("UTC"),
            "Pacific Standard Time", ZoneId.of("America/Los_Angeles"),
            "Mountain Standard Time", ZoneId.of("America/Denver"),
            "Central Standard Time", ZoneId.of("America/Chicago"),
            "Eastern Standard Time", ZoneId.of("America/New_York"));

    FieldDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        label = label == null || label.isBlank() ? name : label;
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("field name '" + name + "' is not a plain identifier");
        }
        if (type == FieldType.TIMESTAMP) {
            if (!knownZone(timeZone)) {
                throw new IllegalArgumentException("field " + name + ": unknown time zone '" + timeZone + "'");
            }
        } else if (onInsert || onUpdate || timeZone != null) {
            throw new IllegalArgumentException(
                    "field " + name + ": only TIMESTAMP fields have OnInsert/OnUpdate/TimeZone");
        }
        if (type == FieldType.AUTONUMBER && !unique) {
            throw new IllegalArgumentException("field " + name + ": an AUTONUMBER is always unique");
        }
    }

    static FieldDef of(String name, FieldType type) {
        Integer length = switch (type) {
            case STRING -> CaspioRules.STRING_LENGTH;
            case TEXT -> CaspioRules.TEXT_LENGTH;
            default -> null;
        };
        return new FieldDef(name, type, type == FieldType.AUTONUMBER, false, false, null, length, "", null);
    }

    static FieldDef timestamp(String name, boolean onInsert, boolean onUpdate, String timeZone) {
        return new FieldDef(name, FieldType.TIMESTAMP, false, onInsert, onUpdate, timeZone, null, "", null);
    }

    FieldDef asUnique() {
        return new FieldDef(name, type, true, onInsert, onUpdate, timeZone, length, description, label);
    }

    FieldDef withDescription(String text) {
        return new FieldDef(name, type, unique, onInsert, onUpdate, timeZone, length, text, label);
    }

    FieldDef withLabel(String text) {
        return new FieldDef(name, type, unique, onInsert, onUpdate, timeZone, length, description, text);
    }

    /** Renamed; a label that was the old name follows the new one. */
    FieldDef withName(String newName) {
        String newLabel = label.equals(name) ? newName : label;
        return new FieldDef(newName, type, unique, onInsert, onUpdate, timeZone, length, description, newLabel);
    }

    FieldDef withLength(Integer chars) {
        return new FieldDef(name, type, unique, onInsert, onUpdate, timeZone, chars, description, label);
    }

    /** Caspio's read-only property: PK_ID, generated and timestamp fields cannot be written. */
    boolean editable() {
        return !type.systemMaintained();
    }

    static boolean knownZone(String timeZone) {
        return timeZone != null && WINDOWS_ZONES.containsKey(timeZone);
    }

    ZoneId zone() {
        return WINDOWS_ZONES.getOrDefault(timeZone, ZoneId.of("UTC"));
    }

    /** The column name as SQL text; safe because the compact constructor admits identifiers only. */
    String column() {
        return '"' + name + '"';
    }
}
