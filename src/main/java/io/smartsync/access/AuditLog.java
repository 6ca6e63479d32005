package io.smartsync.access;

import io.smartsync.store.AccessRecords;
import io.smartsync.store.AuditQuery;
import io.smartsync.store.AuditRecord;
import java.time.Clock;
import java.util.List;

/**
 * Writes who read or changed which member's notes, and every admin action, with how it ended; never the
 * notes' text. Admins query it; lines older than the retention period are purged. Thread-safe.
 */
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

    public List<AuditEntry> find(AuditFilter f) {
        return records
                .audit(new AuditQuery(f.actor(), f.clientId2(), f.action(), f.from(), f.to(), f.beforeId(), f.limit()))
                .stream()
                .map(r -> new AuditEntry(r.id(), r.at(), r.actor(), r.action(), r.clientId2(), r.noteId(), r.outcome()))
                .toList();
    }
}
