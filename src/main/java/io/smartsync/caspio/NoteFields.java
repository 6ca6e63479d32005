package io.smartsync.caspio;

/**
 * The names of the notes table and its fields in Caspio, so another table can be synced without code
 * changes. Every name is checked once, here.
 */
public record NoteFields(
        String table,
        String pk,
        String member,
        String comments,
        String userId,
        String userFullName,
        String timeStamp,
        String followUpDate,
        String followUpStatus,
        String followUpAssignment,
        String assignedFirst,
        String seniorFullName,
        String noteId,
        String updateStamp,
        String syncId) {

    public NoteFields {
        for (String name : new String[] {
            table,
            pk,
            member,
            comments,
            userId,
            userFullName,
            timeStamp,
            followUpDate,
            followUpStatus,
            followUpAssignment,
            assignedFirst,
            seniorFullName,
            noteId,
            updateStamp,
            syncId
        }) {
            Where.field(name);
        }
    }

    public NoteFields withTable(String name) {
        return with(name, updateStamp);
    }

    public NoteFields withUpdateStamp(String name) {
        return with(table, name);
    }

    private NoteFields with(String table, String updateStamp) {
        return new NoteFields(
                table,
                pk,
                member,
                comments,
                userId,
                userFullName,
                timeStamp,
                followUpDate,
                followUpStatus,
                followUpAssignment,
                assignedFirst,
                seniorFullName,
                noteId,
                updateStamp,
                syncId);
    }

    /** The original app's {@code connect_tbl_clientnotes}, after {@code setup} added the sync fields. */
    public static NoteFields defaults() {
        return new NoteFields(
                "connect_tbl_clientnotes",
                "PK_ID",
                "Client_ID2",
                "Comments",
                "User_ID",
                "User_Full_Name",
                "Time_Stamp",
                "Follow_Up_Date",
                "Follow_Up_Status",
                "Follow_Up_Assignment",
                "Assigned_First",
                "Senior_Full_Name",
                "Note_ID",
                "Last_Modified",
                "Sync_ID");
    }
}
