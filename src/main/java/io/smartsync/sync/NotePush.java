package io.smartsync.sync;

import io.smartsync.caspio.CaspioException;
import io.smartsync.caspio.NotesTable;
import io.smartsync.note.Note;
import io.smartsync.note.OutboxEntry;
import io.smartsync.note.SyncState;
import io.smartsync.store.Conflicts;
import io.smartsync.store.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes one outbox entry. Creates are idempotent through the sync id; updates and deletes are
 * conditional on the Caspio stamp they were based on, and a row that moved on is a conflict settled by
 * the {@link ConflictPolicy}. Stateless apart from its collaborators; thread-safe.
 */
final class NotePush implements Pusher.Push {
    private static final Logger log = LoggerFactory.getLogger(NotePush.class);

    /** Caspio's code for a violated unique field, among other SQL Server errors. */
    private static final String UNIQUE = "SqlServerError";

    private final Outbox outbox;
    private final NotesTable caspio;
    private final ConflictLog conflicts;
    private final Clock clock;
    private final Duration commitLag;

    /** @param commitLag the longest a Caspio commit may lag behind its stamp: the cursor's overlap window */
    NotePush(
            Outbox outbox,
            Conflicts recorded,
            NotesTable caspio,
            ConflictPolicy policy,
            SyncEvents events,
            Clock clock,
            Duration commitLag) {
        this.outbox = outbox;
        this.caspio = caspio;
        this.conflicts = new ConflictLog(recorded, policy, events, clock);
        this.clock = clock;
        this.commitLag = commitLag;
    }

    @Override
    public Duration pausedFor() {
        return caspio.pausedFor();
    }

    @Override
    public void push(OutboxEntry entry, Note note) {
        switch (entry.action()) {
            case CREATE -> outbox.completePush(entry, create(entry, note));
            case UPDATE -> update(entry, note);
            case DELETE -> delete(entry, note);
        }
    }

    /**
     * Creates the row unless an earlier attempt already did: after any earlier attempt the answer may
     * have been lost, so the sync id is looked up first and an existing row is adopted.
     */
    private Note create(OutboxEntry entry, Note note) {
        if (entry.attempts() > 1 && note.pkId() != null) {
            return madeAndSeen(note);
        }
        if (entry.attempts() > 1) {
            Optional<Note> earlier = created(note);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            awaitLateCommit(entry, note);
        }
        try {
            return ownData(note, () -> caspio.insert(note));
        } catch (CaspioException e) {
            if (e.kind() == CaspioException.Kind.AMBIGUOUS) {
                outbox.markUnanswered(entry, clock.instant());
            }
            if (e.kind() != CaspioException.Kind.PERMANENT || !UNIQUE.equals(e.caspioCode())) {
                throw e;
            }
            // The sync id is taken: an earlier attempt made the row. Adopt it; if it is not visible yet
            // (a late commit), look again later. Creating another would duplicate the note.
            return created(note)
                    .orElseThrow(() -> e.retryLater("note " + note.noteId()
                            + " exists in Caspio but is not visible yet; looking it up again later"));
        }
    }

    /**
     * A create whose answer was lost may still commit, and become visible, up to the commit lag the
     * cursor's overlap allows (rule 3). Until that much time has passed since the attempt, not finding its
     * row proves nothing, and creating another could duplicate the note on a table whose sync id is not
     * unique. The entry is held until then (not for its whole lease), so the rest of the queue goes on and
     * it is looked up again as soon as a commit that late would show. The time is stored with the entry,
     * so a restart, or another instance taking the entry over, waits as well.
     */
    private void awaitLateCommit(OutboxEntry entry, Note note) {
        Instant attempted = entry.unansweredAt();
        Instant visibleBy = attempted == null ? null : attempted.plus(commitLag);
        if (visibleBy != null && clock.instant().isBefore(visibleBy)) {
            throw new NotYetException(
                    "note " + note.noteId() + " may still be committing in Caspio after an unanswered create;"
                            + " looked up again at " + visibleBy,
                    visibleBy);
        }
    }

    /**
     * An earlier attempt made the row and a read of Caspio saw it (its key is stored): adopt the row, or,
     * if it is gone, it was deleted in Caspio, so the note is kept as deleted rather than made again.
     */
    private Note madeAndSeen(Note note) {
        Optional<Note> row = rowByPk(note.pkId());
        if (row.isPresent()) {
            log.info("note {} was already created by an earlier attempt; adopting its row", note.noteId());
            return row.get();
        }
        log.info(
                "note {} was created by an earlier attempt and deleted in Caspio since; kept as deleted",
                note.noteId());
        return note.asDeleted(SyncState.SYNCED);
    }

    private Optional<Note> created(Note note) {
        Optional<Note> existing = caspio.created(note);
        if (existing.isPresent()) {
            log.info("note {} was already created by an earlier attempt; adopting its row", note.noteId());
        }
        return existing;
    }

    private void update(OutboxEntry entry, Note note) {
        long pk = requirePk(entry, note);
        String base = entry.baseStamp() != null ? entry.baseStamp() : note.caspioStamp();
        if (movedOnWithoutStamp(entry, note, pk, base)) {
            return;
        }
        int changed = ownData(note, () -> caspio.update(pk, base, note));
        Optional<Note> server = rowByPk(pk);
        if (changed == 1 && server.isPresent()) {
            outbox.completePush(entry, server.get());
        } else if (server.isPresent() && server.get().sameContentAs(note)) {
            outbox.completePush(entry, server.get()); // an earlier attempt landed; its answer was lost
        } else {
            settle(entry, note, server.orElse(null), base);
        }
    }

    private void delete(OutboxEntry entry, Note note) {
        long pk = requirePk(entry, note);
        String base = entry.baseStamp() != null ? entry.baseStamp() : note.caspioStamp();
        if (movedOnWithoutStamp(entry, note, pk, base)) {
            return;
        }
        int deleted = caspio.delete(pk, base);
        Optional<Note> server = deleted == 1 ? Optional.empty() : rowByPk(pk);
        if (server.isEmpty()) {
            outbox.completePush(entry, note.asDeleted(SyncState.SYNCED));
        } else {
            settle(entry, note, server.get(), base);
        }
    }

    /**
     * On a table whose stamp does not move when a row is edited, the condition of the write cannot see
     * an edit made in Caspio: compare the row's content with the edit's base version just before
     * writing, and settle a conflict if it moved on. Answers true when it settled one.
     */
    private boolean movedOnWithoutStamp(OutboxEntry entry, Note local, long pk, String base) {
        if (caspio.shape().updatesVisible() || entry.baseHash() == null) {
            return false;
        }
        Optional<Note> current = rowByPk(pk);
        boolean movedOn = current.isEmpty()
                || (!entry.baseHash().equals(current.get().contentHash())
                        && !current.get().sameContentAs(local));
        if (movedOn) {
            settle(entry, local, current.orElse(null), base);
        }
        return movedOn;
    }

    /** Caspio's row moved on (or went away) after the local edit's base version. */
    private void settle(OutboxEntry entry, Note local, Note server, String base) {
        ConflictLog.Verdict v = conflicts.settle(entry.queuedAt(), caspio.clockOffset(), local, server, base);
        if (v.open()) {
            outbox.parkConflict(entry, v.id());
        } else if (v.localWins()) {
            outbox.rebase(entry, server);
        } else {
            outbox.completePush(entry, server == null ? local.asDeleted(SyncState.SYNCED) : server);
        }
    }

    private Optional<Note> rowByPk(long pk) {
        return caspio.rowByPk(pk);
    }

    /** A write of the note's fields; a value the table's field cannot hold is the note's own fault. */
    private static <T> T ownData(Note note, Supplier<T> write) {
        try {
            return write.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidNoteException(note.noteId(), e);
        }
    }

    private static long requirePk(OutboxEntry entry, Note note) {
        if (note.pkId() == null) {
            throw new IllegalStateException(
                    "outbox entry " + entry.id() + " edits note " + note.noteId() + ", which has no Caspio row yet");
        }
        return note.pkId();
    }
}
