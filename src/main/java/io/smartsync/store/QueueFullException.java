package io.smartsync.store;

/** A local write refused because the outbox already holds {@code offlineQueueLimit} entries. */
public final class QueueFullException extends StoreException {
    private final int limit;

    public QueueFullException(int limit) {
        super("the offline queue is full (" + limit
                + " writes waiting for Caspio); nothing queued was dropped, try again once Caspio is reachable");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
