package io.smartsync.store;

import java.time.Instant;

/**
 * One {@code Idempotency-Key} of a caller: the request it first came with (its fingerprint), the note id
 * given to that request, and once answered, the answer's status and body.
 */
public record IdempotencyRecord(
        String actor, String key, String fingerprint, String noteId, Integer status, String answer, Instant createdAt) {
    public boolean answered() {
        return status != null;
    }
}
