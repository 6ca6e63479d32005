package io.smartsync.http;

/**
 * The body of {@code POST /api/client-notes}. {@code userId} and {@code userFullName} are accepted
 * because the original app sends them, and ignored: the author is whoever is signed in. {@code noteId}
 * is optional on a create: a UUID the client made, so that sending the create again is safe.
 */
record CreateNoteRequest(
        String clientId2,
        String comments,
        String userId,
        String userFullName,
        String followUpDate,
        String followUpAssignment,
        String followUpStatus,
        String assignedFirst,
        String seniorFullName,
        String noteId) {}
