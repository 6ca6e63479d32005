package io.smartsync.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A local write refused because the outbox already holds {@code offlineQueueLimit} entries. The message
 * states the queue as it was (queued, limit, pending, parked, the oldest pending write's age).
 */
public final class QueueFullException extends StoreException {
    private final int limit;

    public QueueFullException(int limit, QueueStats queue, Instant now) {
        super(message(limit, queue, now));
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    private static String message(int limit, QueueStats q, Instant now) {
        int queued = q.pending() + q.failed();
        String oldest = q.oldestPendingAt() == null
                ? "none"
                : Math.max(0, Duration.between(q.oldestPendingAt(), now).toSeconds()) + "s";
        return "the offline queue is full (queued=" + queued + ", limit=" + limit + ", pending=" + q.pending()
                + ", parked=" + q.failed() + ", oldestPendingAge=" + oldest + "): " + queued
                + (queued == 1 ? " write waits" : " writes wait")
                + " for Caspio; nothing queued was dropped, try again once Caspio is reachable";
    }
}
