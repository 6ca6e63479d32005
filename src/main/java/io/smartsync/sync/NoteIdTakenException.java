package io.smartsync.sync;

/** A create named a note id that another note has (another member's, another author's, or a deleted one). */
public final class NoteIdTakenException extends RuntimeException {
    public NoteIdTakenException(String noteId) {
        super("noteId " + noteId + " is taken by another note; make a new one");
    }
}
