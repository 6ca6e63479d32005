package io.smartsync.sync;

/** A request that the current state does not allow, such as resolving a conflict twice. */
public final class NotSettleableException extends RuntimeException {
    public NotSettleableException(String message) {
        super(message);
    }
}
