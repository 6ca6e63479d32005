package io.smartsync.emulator;

import java.util.List;

/** The client-notes table in each {@link TableShape}, as a new database creates it. */
final class NotesTable {

    private NotesTable() {}

    /** This project's Caspio account: text member ids, an update stamp and the sync id column. */
    static final TableDef SYNC_READY = new TableDef(
            CaspioEmulator.NOTES_TABLE,
            List.of(
                    FieldDef.of("PK_ID", FieldType.AUTONUMBER),
                    FieldDef.of("Note_ID", FieldType.STRING),
                    FieldDef.of("Client_ID2", FieldType.STRING),
                    FieldDef.of("Comments", FieldType.TEXT),
                    FieldDef.of("User_ID", FieldType.STRING),
                    FieldDef.of("User_Full_Name", FieldType.STRING),
                    FieldDef.timestamp("Time_Stamp", true, false, "UTC"),
                    FieldDef.of("Follow_Up_Date", FieldType.DATE_TIME),
                    FieldDef.of("Follow_Up_Status", FieldType.STRING),
                    FieldDef.of("Follow_Up_Assignment", FieldType.STRING),
                    FieldDef.of("Assigned_First", FieldType.STRING),
                    FieldDef.of("Senior_Full_Name", FieldType.STRING),
                    FieldDef.timestamp("Last_Modified", true, true, "UTC"),
                    FieldDef.of("Sync_ID", FieldType.STRING).asUnique()));

    /** The original app's table: numeric member ids, and only the insert stamp. */
    static final TableDef ORIGINAL = new TableDef(
            CaspioEmulator.NOTES_TABLE,
            List.of(
                    FieldDef.of("PK_ID", FieldType.AUTONUMBER),
                    FieldDef.of("Note_ID", FieldType.STRING),
                    FieldDef.of("Client_ID2", FieldType.NUMBER),
                    FieldDef.of("Comments", FieldType.TEXT),
                    FieldDef.of("User_ID", FieldType.STRING),
                    FieldDef.of("User_Full_Name", FieldType.STRING),
                    FieldDef.timestamp("Time_Stamp", true, false, "UTC"),
                    FieldDef.of("Follow_Up_Date", FieldType.DATE_TIME),
                    FieldDef.of("Follow_Up_Status", FieldType.STRING),
                    FieldDef.of("Follow_Up_Assignment", FieldType.STRING),
                    FieldDef.of("Assigned_First", FieldType.STRING),
                    FieldDef.of("Senior_Full_Name", FieldType.STRING)));

    /** The first numeric member id of the ORIGINAL shape; member n gets {@code ORIGINAL_FIRST_ID + n - 1}. */
    static final long ORIGINAL_FIRST_ID = 100_001L;

    static TableDef of(TableShape shape) {
        return switch (shape) {
            case SYNC_READY -> SYNC_READY;
            case ORIGINAL -> ORIGINAL;
        };
    }
}
