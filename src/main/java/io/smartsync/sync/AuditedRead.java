package io.smartsync.sync;

import io.smartsync.store.AuditRecord;

/** Who reads a member's notes through the API, and the audit action the read is recorded under. */
public record AuditedRead(String actor, String action) {
    AuditRecord line() {
        return new AuditRecord(0, null, actor, action, null, null, "ok");
    }
}
