package io.smartsync.sync;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.caspio.CaspioPolicy;
import io.smartsync.caspio.NoteFields;
import io.smartsync.caspio.NoteRowMapper;
import io.smartsync.caspio.NotesTable;
import io.smartsync.caspio.TableShape;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.MutableClock;
import io.smartsync.note.Author;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.NoteDraft;
import io.smartsync.store.Store;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The sync parts on their own, for their tests: the emulator in this JVM on a clock of its own (Caspio's),
 * a SQLite store in a temp directory on the service's clock, both moved by hand; no loop runs unless a
 * test runs it. The two clocks are months apart, so a cursor taken from the wrong one shows.
 */
final class SyncParts implements AutoCloseable {
    static final String TABLE = CaspioEmulator.NOTES_TABLE;
    static final Instant CASPIO_START = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant SERVICE_START = Instant.parse("2026-12-01T10:00:00Z");
    static final Author STAFF = new Author("u1", "Sam Staff");

    /** Caspio's clock: the emulator stamps rows with it. */
    final MutableClock caspioClock = new MutableClock(CASPIO_START);
    /** The service's clock. */
    final MutableClock clock = new MutableClock(SERVICE_START);

    final CaspioEmulator emulator;
    final Store store;
    final CaspioClient caspio;
    final NotesTable table;
    final SyncConfig config;
    final SyncEvents events = new SyncEvents(clock);
    final LagWatch lag;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Members {@code CL000001} … with {@code notesPerMember} notes each in Caspio, stamped at its start; no retries. */
    SyncParts(Path dir, int members, int notesPerMember, SyncConfig config) {
        this.config = config;
        this.lag = new LagWatch(config.overlapSeconds());
        emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                .withPort(0)
                .withMembers(0)
                .withClock(caspioClock));
        for (int m = 1; m <= members; m++) {
            for (int i = 0; i < notesPerMember; i++) {
                emulator.insert(TABLE, Map.of("Client_ID2", member(m).value(), "Comments", "note " + i));
            }
        }
        store = Store.openSqlite(dir.resolve("store.db"), clock);
        caspio = demoClient(emulator, http, clock);
        table = notesTable(caspio);
    }

    /**
     * A client of the emulator's demo account ({@code demo}, {@code demo-secret}) that never retries, so a
     * test sees each failure it arranges once.
     */
    static CaspioClient demoClient(CaspioEmulator emulator, HttpClient http, Clock clock) {
        CaspioPolicy noRetries = new CaspioPolicy(
                0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(5), 100, Duration.ofSeconds(1), 0, 1);
        return new CaspioClient(
                new CaspioConfig(emulator.baseUri(), "v2", "demo", "demo-secret", Duration.ofSeconds(5)),
                noRetries,
                http,
                clock,
                new SimpleMeterRegistry());
    }

    /** The notes table with the default field names and the shape {@code setup} makes (sync-ready). */
    static NotesTable notesTable(CaspioClient caspio) {
        NoteFields names = NoteFields.defaults();
        return new NotesTable(caspio, new NoteRowMapper(names, TableShape.syncReady(names)));
    }

    static MemberId member(int n) {
        return MemberId.of(String.format("CL%06d", n));
    }

    Poller poller() {
        return new Poller(store, table, config, lag, clock);
    }

    Reconciler reconciler() {
        return new Reconciler(store, table, config, clock);
    }

    /** The engine as the service makes it, with {@code poller} as its global poll. */
    SyncEngine engine(Poller poller) {
        return new SyncEngine(
                store,
                caspio,
                new MemberPuller(store.merges(), table, config, events, lag, clock),
                poller,
                reconciler(),
                config.reconcileIntervalMs(),
                Duration.ofMillis(config.syncTimeoutMs()),
                events,
                clock);
    }

    /** A note written here by staff and queued; no pusher runs, so Caspio does not see it. */
    Note writeHere(MemberId member, String text) {
        Pusher idle = new Pusher(
                store,
                (entry, note) -> {
                    throw new AssertionError("no push runs in these tests");
                },
                events,
                config,
                clock,
                "test-instance");
        NoteWrites writes = new NoteWrites(
                store,
                config,
                clock,
                UUID::randomUUID,
                table,
                new ConflictLog(store.conflicts(), config.conflictPolicy(), events, clock),
                idle);
        return writes.create(member, new NoteDraft(NoteContent.of(text)), STAFF);
    }

    /** Caspio's rows of the member, in key order. */
    List<Map<String, Object>> caspioRows(MemberId member) {
        return emulator.rows(TABLE).stream()
                .filter(r -> member.value().equals(r.get("Client_ID2")))
                .sorted((a, b) -> Long.compare(pk(a), pk(b)))
                .toList();
    }

    static long pk(Map<String, Object> row) {
        return ((Number) row.get("PK_ID")).longValue();
    }

    /** The text of the stored note of a Caspio row; empty when none is stored or it was deleted. */
    Optional<String> storedText(long pk) {
        return store.notes()
                .note(Note.idForCaspioRow(pk))
                .filter(n -> !n.deleted())
                .map(Note::comments);
    }

    /** The ids of the member's live notes stored here. */
    List<String> storedIds(MemberId member) {
        return store.notes().notes(member).stream().map(Note::noteId).toList();
    }

    @Override
    public void close() {
        store.close();
        emulator.close();
        http.close();
    }
}
