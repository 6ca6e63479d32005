package io.smartsync.sync;

import io.smartsync.caspio.NotesTable;
import io.smartsync.note.Conflict;
import io.smartsync.note.ConflictChoice;
import io.smartsync.note.Note;
import io.smartsync.note.NoteDraft;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.OutboxEntry;
import io.smartsync.note.SyncState;
import io.smartsync.store.Store;
import java.util.Optional;

/**
 * A person settling an open conflict: the parked write is pushed over Caspio's version or dropped for it,
 * and a stale write's conflict (no queued write) is written again or left. Safe for use from many threads.
 */
final class ConflictResolution {
    private final Store store;
    private final NotesTable table;
    private final NoteWrites writes;
    private final Pusher pusher;

    ConflictResolution(Store store, NotesTable table, NoteWrites writes, Pusher pusher) {
        this.store = store;
        this.table = table;
        this.writes = writes;
        this.pusher = pusher;
    }

    /** See {@link SyncService#resolve(long, ConflictChoice, String)}. */
    Conflict resolve(long conflictId, ConflictChoice choice, String by) {
        Conflict c = store.conflicts()
                .conflict(conflictId)
                .orElseThrow(() -> new NoSuchNoteException("there is no conflict " + conflictId));
        if (!c.open()) {
            throw new NotSettleableException("conflict " + conflictId + " was already settled (" + c.outcome() + ")");
        }
        Optional<OutboxEntry> parked = store.outbox().failed().stream()
                .filter(e -> e.noteId().equals(c.noteId()))
                .findFirst();
        if (parked.isEmpty()) {
            resolveStaleWrite(c, choice, by);
        } else {
            switch (choice) {
                case LOCAL -> store.outbox().rebase(parked.get(), c.server());
                case SERVER -> store.outbox().completePush(parked.get(), currentInCaspio(c));
            }
        }
        store.conflicts().resolveConflict(conflictId, choice, by);
        pusher.wake();
        return store.conflicts().conflict(conflictId).orElseThrow();
    }

    /**
     * Caspio's version of a conflict's note now, which may have moved on since the conflict: the poll
     * passed it by while the edit was parked, so storing the conflict's copy would keep an old version. An
     * open conflict always has Caspio's row ({@link ConflictPolicy#outcome}); gone since, the note is deleted.
     */
    private Note currentInCaspio(Conflict c) {
        return table.rowByPk(c.server().pkId()).orElseGet(() -> c.local().asDeleted(SyncState.SYNCED));
    }

    /**
     * A conflict of a write based on an older version ({@link ConflictLog#settleStaleWrite}) has no queued write: choosing
     * {@link ConflictChoice#LOCAL} makes that write now, over the stored version; {@link ConflictChoice#SERVER}
     * leaves the stored one.
     */
    private void resolveStaleWrite(Conflict c, ConflictChoice choice, String by) {
        if (choice == ConflictChoice.SERVER) {
            return;
        }
        synchronized (writes.editLock(c.noteId())) {
            Note current = store.notes()
                    .note(c.noteId())
                    .filter(n -> !n.deleted())
                    .orElseThrow(() -> new NotSettleableException(
                            "conflict " + c.id() + " cannot be settled as local: note " + c.noteId() + " is gone"));
            if (c.local().deleted()) {
                writes.queue(current.asDeleted(SyncState.PENDING), OutboxAction.DELETE, by);
            } else {
                writes.queue(current.edited(NoteDraft.of(c.local())), OutboxAction.UPDATE, by);
            }
        }
    }
}
