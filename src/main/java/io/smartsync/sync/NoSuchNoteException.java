package io.smartsync.sync;

import io.smartsync.note.MemberId;

/** A request named a note (or conflict) that does not exist. */
public final class NoSuchNoteException extends RuntimeException {
    public NoSuchNoteException(MemberId member, String noteId) {
        super("member " + member + " has no note " + noteId);
    }

    public NoSuchNoteException(String message) {
        super(message);
    }
}
