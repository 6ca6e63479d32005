package io.smartsync.store;

import io.smartsync.note.Note;

/**
 * A create of a note whose id is stored already: a client that made its own note id sent it again (a
 * retry), or chose an id that is taken. Nothing was written; {@link #stored()} is the note that has it.
 */
public final class NoteExistsException extends StoreException {
    private final transient Note stored;

    public NoteExistsException(Note stored) {
        super("a note with id " + stored.noteId() + " exists already");
        this.stored = stored;
    }

    public Note stored() {
        return stored;
    }
}
