package io.smartsync.store;

import java.time.Instant;

/** One line of the audit log: who did what to which member's notes, when, and how it ended. */
public record AuditRecord(
        long id, Instant at, String actor, String action, String clientId2, String noteId, String outcome) {}
