package io.smartsync.sync;

/**
 * A new write refused because {@code offlineQueueLimit} writes are already waiting for Caspio. Nothing
 * that was queued is dropped.
 */
public final class OfflineQueueFullException extends RuntimeException {
    public OfflineQueueFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
