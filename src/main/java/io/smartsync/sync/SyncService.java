package io.smartsync.sync;

import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.NoteRowMapper;
import io.smartsync.caspio.NotesTable;
import io.smartsync.note.Author;
import io.smartsync.note.Conflict;
import io.smartsync.note.ConflictChoice;
import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.note.NoteDraft;
import io.smartsync.note.NoteEdit;
import io.smartsync.note.NotePosition;
import io.smartsync.note.OutboxEntry;
import io.smartsync.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the HTTP layer and the CLI ask of the sync engine: read a member's notes (syncing first), write
 * notes, and look at or drive the outbox. Safe for use from many threads. It wires the engine's parts
 * and hands each call to its use case: {@link Selections}, {@link NoteWrites}, {@link ConflictResolution},
 * {@link WebhookHints}, {@link Preloads}, {@link BackgroundChecks}; it stops them in order on close.
 */
public final class SyncService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final Store store;
    private final SyncConfig config;
    private final SyncEngine engine;
    private final Pusher pusher;
    private final Poller poller;
    private final LagWatch lag;
    private final NoteWrites writes;
    private final ConflictResolution conflictResolution;
    private final Selections selections;
    private final Preloads preloads;
    private final BackgroundChecks checks;
    private final WebhookHints webhooks;
    private final String sourceTable;
    private final SyncEvents events;
    private final String instanceId;
    private final AutoCloseable memberEvents;
    private volatile List<SyncSetting> settings = List.of();

    public SyncService(
            Store store,
            CaspioClient caspio,
            NoteRowMapper mapper,
            SyncConfig config,
            Clock clock,
            Supplier<UUID> ids,
            String instanceId) {
        this.store = store;
        this.config = config;
        this.events = new SyncEvents(clock);
        this.lag = new LagWatch(config.overlapSeconds());
        NotesTable table = new NotesTable(caspio, mapper);
        this.poller = new Poller(store, table, config, lag, clock);
        Reconciler reconciler = new Reconciler(store, table, config, clock);
        this.engine = new SyncEngine(
                store,
                caspio,
                new MemberPuller(store.merges(), table, config, events, lag, clock),
                poller,
                reconciler,
                config.reconcileIntervalMs(),
                Duration.ofMillis(config.syncTimeoutMs()),
                events,
                clock);
        this.pusher = newPusher(store, table, config, events, clock, instanceId);
        this.sourceTable = table.name();
        this.selections = new Selections(store, engine, config);
        this.preloads = new Preloads(new Preloader(store, table, config, events, clock), config);
        this.checks = new BackgroundChecks(store, config, clock, events, poller, reconciler, instanceId);
        this.webhooks = new WebhookHints(store, table, config, clock);
        this.instanceId = instanceId;
        this.writes = new NoteWrites(
                store,
                config,
                clock,
                ids,
                table,
                new ConflictLog(store.conflicts(), config.conflictPolicy(), events, clock),
                pusher);
        this.conflictResolution = new ConflictResolution(store, table, writes, pusher);
        this.memberEvents = MemberEvents.forward(store.changes(), events);
        caspio.onRowsRead(new RowSizes(store.reports(), mapper.fields().pk())::record);
        caspio.onAvailabilityChange(online -> {
            events.emit(online ? SyncEvent.Type.ONLINE : SyncEvent.Type.OFFLINE, null, null, Map.of());
            if (online) {
                pusher.wake(); // the queue drains by itself once Caspio answers again
            }
        });
    }

    private static Pusher newPusher(
            Store store, NotesTable table, SyncConfig config, SyncEvents events, Clock clock, String instanceId) {
        NotePush push = new NotePush(
                store.outbox(),
                store.conflicts(),
                table,
                config.conflictPolicy(),
                events,
                clock,
                Duration.ofSeconds(config.overlapSeconds()));
        return new Pusher(store, push, events, config, clock, instanceId);
    }

    /** Says which sync settings are in effect and where each came from (the settings view). */
    public void describeSettings(List<SyncSetting> inEffect) {
        this.settings = List.copyOf(inEffect);
    }

    /** The sync settings in effect, as {@link #describeSettings} was told them. */
    public List<SyncSetting> settings() {
        return settings;
    }

    /** How the global poll has been going on this instance (failing after several failures in a row). */
    public PollWatch.State pollState() {
        return poller.watch.state();
    }

    /** Pushes that failed unexpectedly here and still wait: an alert for {@code /health} and the dashboard. */
    public PushAlerts.Snapshot pushAlerts() {
        return pusher.alerts().snapshot();
    }

    /** The largest commit lag seen (rule 3: it must stay below the overlap window). */
    public Duration commitLagSeen() {
        return lag.maxSeen();
    }

    /** Live events of the engine (for server-sent events); ids and counts only. */
    public SyncEvents events() {
        return events;
    }

    /** The Caspio table the notes come from. */
    public String sourceTable() {
        return sourceTable;
    }

    /**
     * Starts the background loops: the push loop, the global poll every {@code autoSyncInterval}, the delete
     * check of the members stored here every {@code reconcileIntervalMs} and the table-wide key listing
     * every {@code tableReconcileIntervalMs}.
     */
    public void start() {
        pusher.start();
        checks.start();
    }

    /**
     * Starts the table-wide initial sync (a preload) in the background: resumes an unfinished one, else
     * reads the whole table again. Answers false when one is running already.
     */
    public boolean preload() {
        return preloads.preload();
    }

    /**
     * The start-up preload ({@code SMARTSYNC_PRELOAD}): resumes an unfinished preload or runs the first one;
     * one that has finished is not run again. While Caspio cannot be read it is tried again every {@code
     * autoSyncInterval}, resuming after the last stored page.
     */
    public void preloadAtStart() {
        preloads.preloadAtStart();
    }

    /** This instance's name: the owner of its outbox leases, and how it shows as the poller. */
    public String instanceId() {
        return instanceId;
    }

    /**
     * The instance that runs the global poll and the reconcile: one at a time among the instances that
     * share a store (this one, on SQLite), empty while none has taken the role yet.
     */
    public Optional<String> pollerInstance() {
        return checks.pollerInstance();
    }

    /**
     * A full check of one member (a pull that ignores the poll's freshness, and a reconcile of its keys),
     * or with no member a poll and a reconcile of the whole table.
     */
    public SyncType force(Optional<MemberId> member) {
        return member.isPresent() ? engine.force(member.get()) : checks.forceTable();
    }

    /**
     * The notes a member has, brought up to date first, as staff see them on selecting the member. The
     * pull gets {@code selectionDeadlineMs}; past it the answer comes from the store marked stale while
     * the pull goes on in the background.
     *
     * @param changedSince only notes stored or changed here after this instant
     */
    public MemberNotes select(MemberId member, Optional<Instant> changedSince) {
        return select(member, changedSince, null);
    }

    /**
     * As {@link #select(MemberId, Optional)}, with the read's audit line written in the answer's own
     * transaction, which commits without waiting for the disk (it survives a crash of the service).
     *
     * @param reader who reads, or null for no audit line
     */
    public MemberNotes select(MemberId member, Optional<Instant> changedSince, AuditedRead reader) {
        return selections.select(member, changedSince, reader);
    }

    /**
     * Stores a new note and queues it for Caspio in one transaction, then wakes the pusher.
     *
     * @throws OfflineQueueFullException when {@code offlineQueueLimit} writes are waiting
     */
    public Note create(MemberId member, NoteDraft draft, Author author) {
        return writes.create(member, draft, author);
    }

    /**
     * Stores a new note under a note id the client made, so a create sent again (after a lost answer) is
     * answered with the note stored the first time: no second note, no second outbox entry.
     *
     * @throws NoteIdTakenException when the id belongs to another member's or another author's note, or
     *     to a deleted one
     */
    public Note create(MemberId member, String noteId, NoteDraft draft, Author author) {
        return writes.create(member, noteId, draft, author);
    }

    /**
     * Applies a person's edit to a note and queues it, then wakes the pusher.
     *
     * @throws NoSuchNoteException when the member has no such note (or it was deleted)
     */
    public Note update(MemberId member, String noteId, NoteEdit edit) {
        return update(member, noteId, edit, null, Optional.empty());
    }

    /**
     * {@link #update(MemberId, String, NoteEdit)} made by the person named {@code by} (for the live pages),
     * on the version {@code basedOn} of the note (any version when empty).
     *
     * @throws StaleWriteException when the note has moved on since {@code basedOn} and the conflict policy
     *     kept the newer version or left the choice to a person
     */
    public Note update(MemberId member, String noteId, NoteEdit edit, String by, Optional<String> basedOn) {
        return writes.update(member, noteId, edit, by, basedOn);
    }

    /** The member a stored, live note belongs to; for calls that name the note only. */
    public Optional<MemberId> memberOf(String noteId) {
        return store.notes().note(noteId).filter(n -> !n.deleted()).map(Note::member);
    }

    /**
     * The live notes written by {@code userId} among the members stored here, newest first, at most
     * {@code limit}, after the position {@code after} (exclusive) when given. No Caspio call.
     */
    public List<Note> notesByAuthor(String userId, Optional<NotePosition> after, int limit) {
        return store.notes().notesByAuthor(userId, after, limit);
    }

    /**
     * Deletes a note here and queues the delete for Caspio, then wakes the pusher.
     *
     * @throws NoSuchNoteException when the member has no such note (or it was deleted)
     */
    public void delete(MemberId member, String noteId) {
        delete(member, noteId, null, Optional.empty());
    }

    /**
     * {@link #delete(MemberId, String)} made by the person named {@code by} (for the live pages), on the
     * version {@code basedOn} of the note (any version when empty).
     *
     * @throws StaleWriteException as {@link #update(MemberId, String, NoteEdit, String, Optional)} does
     */
    public void delete(MemberId member, String noteId, String by, Optional<String> basedOn) {
        writes.delete(member, noteId, by, basedOn);
    }

    /**
     * Takes a webhook message as a hint: it names rows by {@code PK_ID}, and the service reads those rows
     * from Caspio itself and merges what Caspio answers (a row it no longer holds is missing from that
     * read), never the message's own fields. A fast path beside the poll and the reconcile, which stay.
     * Rows of members not synced here are left to their own initial sync.
     *
     * @return how many notes changed
     * @throws io.smartsync.caspio.CaspioException when Caspio cannot be read now (the sender may retry)
     * @throws io.smartsync.note.InvalidInputException when the message names another table, an unknown event
     *     type or a row without its {@code PK_ID}
     */
    public int apply(CaspioEvent event) {
        return webhooks.apply(event);
    }

    /** The conflict log, newest first. */
    public List<Conflict> conflicts(int limit) {
        return store.conflicts().conflicts(limit);
    }

    /**
     * Settles an open conflict: {@link ConflictChoice#LOCAL} pushes the local edit over Caspio's version,
     * {@link ConflictChoice#SERVER} keeps Caspio's version and drops the edit.
     */
    public Conflict resolve(long conflictId, ConflictChoice choice, String by) {
        return conflictResolution.resolve(conflictId, choice, by);
    }

    /**
     * Forgets the member's local notes and sync status (an admin's "clear data"); writes still queued
     * stay, with their notes, and the next selection syncs the member from the start.
     *
     * @return how many notes were removed
     */
    public int clearMember(MemberId member) {
        preloads.cleared(member);
        return store.progress().clearMember(member);
    }

    /** Puts every parked entry back in the queue; answers how many. */
    public int retryFailed() {
        int requeued = store.outbox().requeueFailed();
        pusher.wake();
        return requeued;
    }

    /**
     * The member's status as it is now: its note count and newest note as stored, and as its last sync
     * the global poll's latest run when that run kept the member fresh (a cached answer rests on it).
     */
    public Optional<MemberSyncStatus> status(MemberId member) {
        return store.progress().status(member).map(s -> CurrentStatus.of(store.progress(), s));
    }

    public List<OutboxEntry> pending() {
        return store.outbox().pending();
    }

    public List<OutboxEntry> failed() {
        return store.outbox().failed();
    }

    /** Pushes what can be pushed now and answers the seed's {@code {processed, failed}}. */
    public ProcessResult processNow() {
        ProcessResult result = pusher.pushAll();
        log.info("process now: {} processed, {} failed", result.processed(), result.failed());
        return result;
    }

    /**
     * Stops in order: no new work is taken (the schedule, selections, preload retries and push claims
     * stop), what runs gets up to {@code syncTimeoutMs} (at most {@link Stopping#MOST}) to finish, and what
     * is still running then is interrupted; one line says what was left. A push cut short stays queued.
     */
    @Override
    public void close() {
        try {
            memberEvents.close();
        } catch (Exception e) {
            log.debug("member events: {}", e.toString());
        }
        checks.stopTaking();
        selections.stopTaking();
        preloads.stopTaking();
        pusher.stopClaiming();
        Stopping stop = new Stopping(Duration.ofMillis(config.syncTimeoutMs()));
        pusher.awaitStopped(stop.deadline());
        stop.left(pusher.cut(Stopping.UNWIND), "push|pushes", "each stays queued and is pushed after the restart");
        checks.awaitStop(stop);
        preloads.awaitStop(stop);
        selections.awaitStop(stop);
        stop.report(log);
    }
}
