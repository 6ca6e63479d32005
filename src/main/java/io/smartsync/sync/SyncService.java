package io.smartsync.sync;

import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.NoteRowMapper;
import io.smartsync.note.Author;
import io.smartsync.note.Conflict;
import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.note.NoteDraft;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.OutboxEntry;
import io.smartsync.note.SyncState;
import io.smartsync.store.LocalStore;
import io.smartsync.store.QueueFullException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the HTTP layer and the CLI ask of the sync engine: read a member's notes (syncing first), write
 * notes, and look at or drive the outbox. Safe for use from many threads.
 */
public final class SyncService implements AutoCloseable {
    private final LocalStore store;
    private final SyncConfig config;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final SyncEngine engine;
    private final Pusher pusher;
    private final String sourceTable;

    public SyncService(
            LocalStore store,
            CaspioClient caspio,
            NoteRowMapper mapper,
            SyncConfig config,
            Clock clock,
            Supplier<UUID> ids,
            String instanceId) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.ids = ids;
        this.engine = new SyncEngine(store, caspio, new MemberPuller(store, caspio, mapper, config), clock);
        this.pusher = new Pusher(
                store, new NotePush(store, caspio, mapper, config.conflictPolicy(), clock), config, clock, instanceId);
        this.sourceTable = mapper.fields().table();
    }

    /** The Caspio table the notes come from. */
    public String sourceTable() {
        return sourceTable;
    }

    /** Starts the background push loop. */
    public void start() {
        pusher.start();
    }

    /** The notes a member has, brought up to date first, as staff see them on selecting the member. */
    public MemberNotes select(MemberId member, Optional<Instant> changedSince) {
        SyncOutcome outcome = engine.select(member);
        List<Note> notes = changedSince
                .map(since -> store.notesChangedSince(member, since))
                .orElseGet(() -> store.notes(member));
        return new MemberNotes(member, notes, outcome);
    }

    /**
     * Stores a new note and queues it for Caspio in one transaction, then wakes the pusher.
     *
     * @throws OfflineQueueFullException when {@code offlineQueueLimit} writes are waiting
     */
    public Note create(MemberId member, NoteDraft draft, Author author) {
        Note note = new Note(
                ids.get().toString(),
                member,
                null,
                draft.comments(),
                author.userId(),
                author.fullName(),
                clock.instant(),
                draft.followUpDate(),
                draft.followUpStatus(),
                draft.followUpAssignment(),
                draft.assignedFirst(),
                draft.seniorFullName(),
                null,
                null,
                SyncState.PENDING,
                false);
        queue(note, OutboxAction.CREATE);
        return note;
    }

    /**
     * Applies a person's edit to a note and queues it, then wakes the pusher.
     *
     * @throws NoSuchNoteException when the member has no such note (or it was deleted)
     */
    public Note update(MemberId member, String noteId, NoteDraft draft) {
        Note edited = live(member, noteId).edited(draft);
        queue(edited, OutboxAction.UPDATE);
        return edited;
    }

    /**
     * Deletes a note here and queues the delete for Caspio, then wakes the pusher.
     *
     * @throws NoSuchNoteException when the member has no such note (or it was deleted)
     */
    public void delete(MemberId member, String noteId) {
        queue(live(member, noteId).asDeleted(SyncState.PENDING), OutboxAction.DELETE);
    }

    private Note live(MemberId member, String noteId) {
        return store.note(noteId)
                .filter(n -> n.member().equals(member) && !n.deleted())
                .orElseThrow(() -> new NoSuchNoteException(member, noteId));
    }

    private void queue(Note note, OutboxAction action) {
        try {
            store.writeLocal(note, action, config.offlineQueueLimit());
        } catch (QueueFullException e) {
            throw new OfflineQueueFullException(e.getMessage(), e);
        }
        pusher.wake();
    }

    /** The conflict log, newest first. */
    public List<Conflict> conflicts(int limit) {
        return store.conflicts(limit);
    }

    /**
     * Settles an open conflict: {@code local} pushes the local edit over Caspio's version, {@code server}
     * keeps Caspio's version and drops the edit.
     */
    public Conflict resolve(long conflictId, String choice, String by) {
        Conflict c = store.conflict(conflictId)
                .orElseThrow(() -> new NoSuchNoteException("there is no conflict " + conflictId));
        if (!c.open()) {
            throw new NotSettleableException("conflict " + conflictId + " was already settled (" + c.outcome() + ")");
        }
        if (!choice.equals("local") && !choice.equals("server")) {
            throw new IllegalArgumentException("resolution must be local or server, was " + choice);
        }
        OutboxEntry parked = store.failed().stream()
                .filter(e -> e.noteId().equals(c.noteId()))
                .findFirst()
                .orElseThrow(() -> new NotSettleableException("conflict " + conflictId + " has no parked write"));
        if (choice.equals("local")) {
            store.rebase(parked, c.server().caspioStamp());
        } else {
            store.completePush(parked, c.server());
        }
        store.resolveConflict(conflictId, choice, by);
        pusher.wake();
        return store.conflict(conflictId).orElseThrow();
    }

    /** Puts every parked entry back in the queue; answers how many. */
    public int retryFailed() {
        int requeued = store.requeueFailed();
        pusher.wake();
        return requeued;
    }

    public Optional<MemberSyncStatus> status(MemberId member) {
        return store.status(member);
    }

    public List<OutboxEntry> pending() {
        return store.pending();
    }

    public List<OutboxEntry> failed() {
        return store.failed();
    }

    /** Pushes what can be pushed now and answers the seed's {@code {processed, failed}}. */
    public ProcessResult processNow() {
        return pusher.pushAll();
    }

    @Override
    public void close() {
        pusher.close();
    }
}
