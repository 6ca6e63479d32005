package io.smartsync.cli;

import java.util.List;

/**
 * The answer fields the app's route (src/app/api/client-notes/route.ts at 1b9ad988) sends for a read, and
 * per note: what its pages read.
 */
final class AppShape {
    private AppShape() {}

    static final List<String> ANSWER_FIELDS = List.of(
            "notes",
            "notesByClient",
            "notesByUser",
            "totalNotes",
            "newNotes",
            "clients",
            "assignedUsers",
            "users",
            "sourceTable");
    static final List<String> NOTE_FIELDS = List.of(
            "id",
            "noteId",
            "clientId2",
            "userId",
            "userFirst",
            "comments",
            "timeStamp",
            "followUpDate",
            "followUpAssignment",
            "followUpStatus",
            "seniorFirst",
            "seniorLast",
            "seniorFullName",
            "userFullName",
            "userRole",
            "isNew");
}
