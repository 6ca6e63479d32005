package io.smartsync.sync;

/**
 * An edit or delete based on a version of the note that is no longer the stored one, which the conflict
 * policy did not let through: the newer version was kept, or a person must choose. The edit is kept in
 * the conflict log under {@link #conflictId()}.
 */
public final class StaleWriteException extends RuntimeException {
    private final long conflictId;

    StaleWriteException(long conflictId, String message) {
        super(message);
        this.conflictId = conflictId;
    }

    public long conflictId() {
        return conflictId;
    }
}
