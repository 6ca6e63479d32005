package io.smartsync.sync;

/**
 * A note whose own data cannot be written to the Caspio table (a member id that is not a number where the
 * field is a NUMBER, say): retrying cannot help, so its outbox entry is parked. The message names the note
 * and the kind of problem, never its text.
 */
final class InvalidNoteException extends RuntimeException {
    InvalidNoteException(String noteId, IllegalArgumentException cause) {
        super(
                "note " + noteId + " cannot be written to Caspio: "
                        + cause.getClass().getSimpleName(),
                cause);
    }
}
