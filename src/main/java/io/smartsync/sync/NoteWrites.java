package io.smartsync.sync;

import io.smartsync.caspio.NotesTable;
import io.smartsync.note.Author;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteDraft;
import io.smartsync.note.NoteEdit;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.SyncState;
import io.smartsync.store.NoteExistsException;
import io.smartsync.store.QueueFullException;
import io.smartsync.store.Store;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A person's writes of notes (create, update, delete): each is stored and queued for Caspio in one
 * transaction, then the pusher is woken; a write based on an older version is settled by the conflict
 * policy. Safe for use from many threads; one edit of a note at a time in this process.
 */
final class NoteWrites {
    private final Store store;
    private final SyncConfig config;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final NotesTable table;
    private final ConflictLog conflictLog;
    private final Pusher pusher;
    private final Object[] editLocks = newLocks(64);

    NoteWrites(
            Store store,
            SyncConfig config,
            Clock clock,
            Supplier<UUID> ids,
            NotesTable table,
            ConflictLog conflictLog,
            Pusher pusher) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.ids = ids;
        this.table = table;
        this.conflictLog = conflictLog;
        this.pusher = pusher;
    }

    /** See {@link SyncService#create(MemberId, NoteDraft, Author)}. */
    Note create(MemberId member, NoteDraft draft, Author author) {
        return create(member, ids.get().toString(), draft, author);
    }

    /** See {@link SyncService#create(MemberId, String, NoteDraft, Author)}. */
    Note create(MemberId member, String noteId, NoteDraft draft, Author author) {
        try {
            return createNew(member, noteId, draft, author);
        } catch (NoteExistsException e) {
            Note stored = e.stored();
            if (stored.member().equals(member) && author.userId().equals(stored.userId()) && !stored.deleted()) {
                return stored;
            }
            throw new NoteIdTakenException(noteId);
        }
    }

    private Note createNew(MemberId member, String noteId, NoteDraft draft, Author author) {
        Note note = Note.written(noteId, member, draft.content(), author, clock.instant());
        queue(note, OutboxAction.CREATE, author.fullName());
        return note;
    }

    /** See {@link SyncService#update(MemberId, String, NoteEdit, String, Optional)}. */
    Note update(MemberId member, String noteId, NoteEdit edit, String by, Optional<String> basedOn) {
        // One edit of a note at a time in this process, so two partial edits (one naming the status, the
        // other the date) both land instead of the second writing back the first's old value.
        synchronized (editLock(noteId)) {
            Note current = live(member, noteId);
            Note edited = current.edited(edit.applyTo(current));
            settleIfStale(current, edited, basedOn);
            queue(edited, OutboxAction.UPDATE, by);
            return edited;
        }
    }

    /** See {@link SyncService#delete(MemberId, String, String, Optional)}. */
    void delete(MemberId member, String noteId, String by, Optional<String> basedOn) {
        synchronized (editLock(noteId)) {
            Note current = live(member, noteId);
            Note deleted = current.asDeleted(SyncState.PENDING);
            settleIfStale(current, deleted, basedOn);
            queue(deleted, OutboxAction.DELETE, by);
        }
    }

    private void settleIfStale(Note current, Note written, Optional<String> basedOn) {
        if (basedOn.isPresent() && !basedOn.get().equals(current.version())) {
            conflictLog.settleStaleWrite(current, written, table.clockOffset());
        }
    }

    private Note live(MemberId member, String noteId) {
        return store.notes()
                .note(noteId)
                .filter(n -> n.member().equals(member) && !n.deleted())
                .orElseThrow(() -> new NoSuchNoteException(member, noteId));
    }

    /** The lock a write of the note holds while it reads the stored version and queues its own. */
    Object editLock(String noteId) {
        return editLocks[Math.floorMod(noteId.hashCode(), editLocks.length)];
    }

    /** Stores the note and queues its write ({@code by} the person, else the note's author), then wakes the pusher. */
    void queue(Note note, OutboxAction action, String by) {
        try {
            store.notes().writeLocal(note, action, config.offlineQueueLimit(), by == null ? note.userFullName() : by);
        } catch (QueueFullException e) {
            throw new OfflineQueueFullException(e.getMessage(), e);
        }
        pusher.wake();
    }

    private static Object[] newLocks(int n) {
        Object[] locks = new Object[n];
        for (int i = 0; i < n; i++) {
            locks[i] = new Object();
        }
        return locks;
    }
}
