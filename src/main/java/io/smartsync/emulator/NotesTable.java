package io.smartsync.emulator;

import java.util.List;
import java.util.stream.Stream;

/** The client-notes table in each {@link TableShape}, as a new database creates it. */
final class NotesTable {

    private NotesTable() {}

    /** The original app's fields, with the member id's type of the shape. */
    private static List<FieldDef> appFields(FieldType memberId) {
        return List.of(
                FieldDef.of("PK_ID", FieldType.AUTONUMBER),
                FieldDef.of("Note_ID", FieldType.STRING),
                FieldDef.of("Client_ID2", memberId),
                FieldDef.of("Comments", FieldType.TEXT),
                FieldDef.of("User_ID", FieldType.STRING),
                FieldDef.of("User_Full_Name", FieldType.STRING),
                FieldDef.timestamp("Time_Stamp", true, false, "UTC"),
                FieldDef.of("Follow_Up_Date", FieldType.DATE_TIME),
                FieldDef.of("Follow_Up_Status", FieldType.STRING),
                FieldDef.of("Follow_Up_Assignment", FieldType.STRING),
                FieldDef.of("Assigned_First", FieldType.STRING),
                FieldDef.of("Senior_Full_Name", FieldType.STRING));
    }

    /** This project's Caspio account: text member ids, an update stamp and the sync id column. */
    static final TableDef SYNC_READY = new TableDef(
            CaspioEmulator.NOTES_TABLE,
            Stream.concat(
                            appFields(FieldType.STRING).stream(),
                            Stream.of(
                                    FieldDef.timestamp("Last_Modified", true, true, "UTC"),
                                    FieldDef.of("Sync_ID", FieldType.STRING).asUnique()))
                    .toList());

    /** The original app's table: numeric member ids, and only the insert stamp. */
    static final TableDef ORIGINAL = new TableDef(CaspioEmulator.NOTES_TABLE, appFields(FieldType.NUMBER));

    /** The first numeric member id of the ORIGINAL shape; member n gets {@code ORIGINAL_FIRST_ID + n - 1}. */
    static final long ORIGINAL_FIRST_ID = 100_001L;

    /** The table of {@code shape}; {@code syncIdUnique=false} drops the unique index of SYNC_READY's {@code Sync_ID}. */
    static TableDef of(TableShape shape, boolean syncIdUnique) {
        return switch (shape) {
            case SYNC_READY -> syncIdUnique ? SYNC_READY : SYNC_ID_NOT_UNIQUE;
            case ORIGINAL -> ORIGINAL;
        };
    }

    /** SYNC_READY with a plain {@code Sync_ID}: nothing in Caspio refuses a second row with the same id. */
    private static final TableDef SYNC_ID_NOT_UNIQUE = new TableDef(
            CaspioEmulator.NOTES_TABLE,
            SYNC_READY.fields().stream()
                    .map(f -> f.name().equals("Sync_ID") ? FieldDef.of("Sync_ID", FieldType.STRING) : f)
                    .toList());
}
