package io.smartsync.sync;

/**
 * An entry that cannot be pushed safely yet (a create whose lost answer may still commit): it keeps its
 * lease and is tried again once the lease runs out, while the rest of the queue goes on. Never parks.
 */
final class NotYetException extends RuntimeException {
    NotYetException(String message) {
        super(message);
    }
}
