package io.smartsync.access;

import java.time.Instant;

/**
 * One line of the audit log: who did what to which member's notes (or which admin action), when, and
 * how it ended. Never a note's text.
 */
public record AuditEntry(
        long id, Instant at, String actor, String action, String clientId2, String noteId, String outcome) {}
