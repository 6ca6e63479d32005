package io.smartsync.access;

import io.smartsync.store.AccessRecords;
import io.smartsync.store.AuditRecord;
import java.time.Clock;
import java.util.List;

/** Writes who read or changed which member's notes, and how it ended. Never the notes' text. Thread-safe. */
public final class AuditLog {
    private final AccessRecords records;
    private final Clock clock;

    public AuditLog(AccessRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    public void record(String actor, String action, String clientId2, String noteId, String outcome) {
        records.appendAudit(new AuditRecord(0, clock.instant(), actor, action, clientId2, noteId, outcome));
    }

    public List<AuditRecord> recent(int limit) {
        return records.recentAudit(limit);
    }
}
