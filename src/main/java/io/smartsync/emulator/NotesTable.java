package io.smartsync.emulator;

import java.util.List;

/** The client-notes table as this project's Caspio account defines it (with the sync id column). */
final class NotesTable {

    private NotesTable() {}

    static final TableDef DEFINITION = new TableDef(
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

    static final List<TableDef> ALL = List.of(DEFINITION);
}
