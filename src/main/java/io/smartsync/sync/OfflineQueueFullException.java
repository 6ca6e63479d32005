package io.smartsync.sync;

/**
 * A new write refused because {@code offlineQueueLimit} writes are already waiting for Caspio. Nothing
 * that was queued is dropped. The message states the queue: queued, limit, pending, parked and the age of
 * the oldest pending write.
 */
public final class OfflineQueueFullException extends RuntimeException {
    public OfflineQueueFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
