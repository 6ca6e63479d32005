package io.smartsync.http;

/**
 * The body of {@code POST /api/client-notes}, as the app sends it. {@code userId} and {@code userFullName}
 * are accepted and ignored: the author is whoever is signed in. {@code actorName} and {@code actorEmail}
 * (who the app says acted) go into the audit line only. {@code noteId} is optional: a UUID the client
 * made, so that sending the create again is safe.
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
        String actorName,
        String actorEmail,
        String noteId) {}
