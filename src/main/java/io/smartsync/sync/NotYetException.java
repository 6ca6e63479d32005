package io.smartsync.sync;

import java.time.Instant;

/**
 * An entry that cannot be pushed safely yet (a create whose lost answer may still commit): it is held
 * until {@link #retryAt} and tried again then, while the rest of the queue goes on. Never parks.
 */
final class NotYetException extends RuntimeException {
    private final Instant retryAt;

    NotYetException(String message, Instant retryAt) {
        super(message);
        this.retryAt = retryAt;
    }

    Instant retryAt() {
        return retryAt;
    }
}
