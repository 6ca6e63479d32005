package io.smartsync.http;

import io.smartsync.access.AuditLog;
import io.smartsync.access.Principal;
import io.smartsync.note.MemberId;
import java.util.function.Supplier;

/** Writes the audit line of an API call once its outcome is known: ok, or failed with the reason's code. */
final class Audit {
    private final AuditLog log;

    Audit(AuditLog log) {
        this.log = log;
    }

    /** Runs {@code work} and records how it ended; a failure is recorded and thrown on. */
    <T> T around(Principal who, String action, MemberId member, String noteId, Supplier<T> work) {
        return around(who, action, member, noteId, Actor.NONE, work);
    }

    /** As {@link #around}, with who the app says acted beside the outcome (never instead of the caller). */
    <T> T around(Principal who, String action, MemberId member, String noteId, Actor actor, Supplier<T> work) {
        String m = member == null ? null : member.value();
        try {
            T result = work.get();
            log.record(who.userId(), action, m, noteId, actor.besides("ok"));
            return result;
        } catch (RuntimeException e) {
            log.record(who.userId(), action, m, noteId, actor.besides("failed: " + ErrorMapping.codeOf(e)));
            throw e;
        }
    }

    /**
     * Runs {@code work}, which writes its own audit line when it succeeds (a read's, in the answer's
     * transaction); a failure is recorded here and thrown on.
     */
    <T> T failuresOf(Principal who, String action, MemberId member, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            log.record(who.userId(), action, member.value(), null, "failed: " + ErrorMapping.codeOf(e));
            throw e;
        }
    }

    void ok(Principal who, String action, String clientId2, String noteId) {
        log.record(who.userId(), action, clientId2, noteId, "ok");
    }

    void record(String actor, String action, String clientId2, String noteId, String outcome) {
        log.record(actor, action, clientId2, noteId, outcome);
    }
}
