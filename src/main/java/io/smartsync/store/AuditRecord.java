package io.smartsync.store;

import io.smartsync.note.MemberId;
import java.time.Instant;

/** One line of the audit log: who did what to which member's notes, when, and how it ended. */
public record AuditRecord(
        long id, Instant at, String actor, String action, String clientId2, String noteId, String outcome) {

    /** This line as of {@code when}, about {@code member}. */
    AuditRecord at(Instant when, MemberId member) {
        return new AuditRecord(id, when, actor, action, member.value(), noteId, outcome);
    }
}
