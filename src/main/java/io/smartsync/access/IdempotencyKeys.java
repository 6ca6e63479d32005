package io.smartsync.access;

import io.smartsync.store.FrontDoorRecords;
import io.smartsync.store.IdempotencyRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Idempotency keys of callers, kept for {@link #KEPT}: the request a key first came with (its
 * fingerprint), the note id given to it, and its first answer. Shared by every instance through the
 * store. Thread-safe.
 */
public final class IdempotencyKeys {
    public static final Duration KEPT = Duration.ofDays(1);

    /** A key as held: answered once {@code status} is set. */
    public record Held(String fingerprint, String noteId, Integer status, String answer) {
        public boolean answered() {
            return status != null;
        }
    }

    private final FrontDoorRecords records;
    private final Clock clock;

    public IdempotencyKeys(FrontDoorRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Holds the caller's key for this request unless it is held already; answers what the key holds. */
    public Held reserve(String actor, String key, String fingerprint, String noteId) {
        Instant now = clock.instant();
        return held(records.reserveIdempotencyKey(
                new IdempotencyRecord(actor, key, fingerprint, noteId, null, null, now), now.minus(KEPT)));
    }

    /** Keeps the first answer given under the key; answers the key as it now is. */
    public Held answer(String actor, String key, int status, String answer) {
        return held(records.answerIdempotencyKey(actor, key, status, answer));
    }

    /** Lets go of a key whose request failed, so that a retry runs again. */
    public void release(String actor, String key) {
        records.releaseIdempotencyKey(actor, key);
    }

    private static Held held(IdempotencyRecord r) {
        return new Held(r.fingerprint(), r.noteId(), r.status(), r.answer());
    }
}
