package io.smartsync.sync;

import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.NoteRowMapper;
import io.smartsync.note.Author;
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
        this.engine = new SyncEngine(store, new MemberPuller(store, caspio, mapper, config), clock);
        this.pusher = new Pusher(store, caspio, mapper, config, clock, instanceId);
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
        try {
            store.writeLocal(note, OutboxAction.CREATE, config.offlineQueueLimit());
        } catch (QueueFullException e) {
            throw new OfflineQueueFullException(e.getMessage(), e);
        }
        pusher.wake();
        return note;
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
