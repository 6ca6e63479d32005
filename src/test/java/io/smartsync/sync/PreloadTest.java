package io.smartsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.CaspioException;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.EmulatorStats;
import io.smartsync.note.Author;
import io.smartsync.note.CaspioRow;
import io.smartsync.note.CaspioStamp;
import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.OutboxAction;
import io.smartsync.store.Store;
import io.smartsync.store.SyncRun;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table-wide initial sync against the emulator over HTTP, on a real SQLite store: what it stores,
 * what it costs in requests, how it resumes, and the rules it keeps (edits seen, queued writes kept).
 */
class PreloadTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;
    private static final int PAGE = 10;

    @TempDir
    Path dir;

    private CaspioEmulator emulator;
    private HttpClient http;
    private Store store;
    private SyncEvents events;
    private Preloader preloader;

    @BeforeEach
    void start() {
        emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                .withPort(0)
                .withMembers(60)
                .withNotesPerMember(4));
        http = HttpClient.newHttpClient();
        Clock clock = Clock.systemUTC();
        store = Store.openSqlite(dir.resolve("store.db"), clock);
        CaspioClient caspio = SyncParts.demoClient(emulator, http, clock);
        events = new SyncEvents(clock);
        preloader = new Preloader(
                store,
                SyncParts.notesTable(caspio),
                SyncConfig.builder().pageSize(PAGE).build(),
                events,
                clock);
    }

    @AfterEach
    void stop() {
        emulator.close();
        http.close();
    }

    private Preloader.Start preload(boolean again) {
        assertThat(preloader.claim()).isTrue();
        return preloader.run(again);
    }

    private Set<String> storedIds() {
        return members().stream()
                .flatMap(m -> store.notes().notes(m).stream())
                .map(Note::noteId)
                .collect(Collectors.toSet());
    }

    private Set<MemberId> members() {
        return emulator.rows(TABLE).stream()
                .map(r -> MemberId.of((String) r.get("Client_ID2")))
                .collect(Collectors.toSet());
    }

    @Test
    void a_preload_stores_exactly_the_tables_rows_with_one_read_per_page_and_marks_members_synced() {
        List<Map<String, Object>> rows = emulator.rows(TABLE);
        long before = emulator.stats().totalRequests();

        assertThat(preload(true)).isEqualTo(Preloader.Start.STARTED);

        EmulatorStats stats = emulator.stats();
        assertThat(storedIds())
                .isEqualTo(rows.stream().map(r -> "caspio_" + r.get("PK_ID")).collect(Collectors.toSet()));
        long pages = rows.size() / PAGE + 1; // the last page is short (or empty)
        assertThat(stats.requests(EmulatorStats.Kind.COUNT)).isEqualTo(1);
        assertThat(stats.totalRequests() - before)
                .as("one count, %d pages and one read after the last page, plus the token", pages)
                .isBetween(pages + 2, pages + 3);
        for (MemberId m : members()) {
            MemberSyncStatus s = store.progress().status(m).orElseThrow();
            assertThat(s.initialSyncCompleted()).as(m.value()).isTrue();
            assertThat(s.totalNotesCount()).isEqualTo(store.notes().notes(m).size());
            assertThat(s.lastSyncAt()).isNotNull();
            String newest = emulator.rows(TABLE).stream()
                    .filter(r -> m.value().equals(r.get("Client_ID2")))
                    .map(r -> (String) r.get("Last_Modified"))
                    .max(String::compareTo)
                    .orElseThrow();
            assertThat(s.cursorStamp()).as("the cursor is a stamp Caspio wrote").isEqualTo(newest);
        }
        SyncRun run = store.history().recentRuns(1).getFirst();
        assertThat(run.kind()).isEqualTo("preload");
        assertThat(run.outcome()).isEqualTo("ok");
        assertThat(run.newNotes()).isEqualTo(rows.size());
        assertThat(run.rowsRead()).isEqualTo(rows.size());
        assertThat((long) run.requests()).isBetween(pages + 2, pages + 3);
        assertThat(preload(false))
                .as("a finished preload is not run again at start-up")
                .isEqualTo(Preloader.Start.ALREADY_DONE);
    }

    @Test
    void a_preload_cut_after_two_pages_resumes_after_the_last_stored_page() {
        int total = emulator.rows(TABLE).size();
        AtomicBoolean cutOnce = new AtomicBoolean();
        events.listen(e -> {
            if (e.type() == SyncEvent.Type.SYNC_PROGRESS
                    && (Long) e.counts().get("pagesDone") >= 2
                    && cutOnce.compareAndSet(false, true)) {
                emulator.failNext(1, 500); // the network breaks once two pages are stored
            }
        });

        assertThatThrownBy(() -> preload(true)).isInstanceOf(CaspioException.class);

        int stored = storedIds().size();
        assertThat(stored).isBetween(2 * PAGE, total - 1);
        assertThat(members())
                .anyMatch(m -> store.progress().status(m).isEmpty()
                        || !store.progress().status(m).orElseThrow().initialSyncCompleted());
        long rowsBefore = emulator.stats().rowsReturned();

        assertThat(preload(false)).isEqualTo(Preloader.Start.RESUMED);

        assertThat(storedIds()).hasSize(total);
        assertThat(emulator.stats().rowsReturned() - rowsBefore)
                .as("rows read after the cut: only those not stored yet")
                .isEqualTo(total - stored);
        assertThat(members())
                .allMatch(m -> store.progress().status(m).orElseThrow().initialSyncCompleted());
    }

    @Test
    void a_note_edited_in_caspio_during_the_preload_is_stored_as_edited() {
        Map<String, Object> first = emulator.rows(TABLE).stream()
                .min((a, b) -> CaspioStamp.compare((String) a.get("Last_Modified"), (String) b.get("Last_Modified")))
                .orElseThrow();
        long pk = ((Number) first.get("PK_ID")).longValue();
        AtomicBoolean once = new AtomicBoolean();
        events.listen(e -> {
            if (e.type() == SyncEvent.Type.SYNC_PROGRESS && once.compareAndSet(false, true)) {
                // The row was stored with the first page; its new stamp puts it after every other row.
                emulator.update(TABLE, pk, Map.of("Comments", "Edited in a DataPage during the preload"));
            }
        });

        preload(true);

        assertThat(store.notes().note("caspio_" + pk).orElseThrow().comments())
                .isEqualTo("Edited in a DataPage during the preload");
    }

    @Test
    void a_member_cleared_during_the_preload_is_not_marked_synced_with_rows_missing() {
        Map<String, Object> first = emulator.rows(TABLE).stream()
                .min((a, b) -> CaspioStamp.compare((String) a.get("Last_Modified"), (String) b.get("Last_Modified")))
                .orElseThrow();
        MemberId member = MemberId.of((String) first.get("Client_ID2"));
        AtomicBoolean once = new AtomicBoolean();
        events.listen(e -> {
            if (e.type() == SyncEvent.Type.SYNC_PROGRESS && once.compareAndSet(false, true)) {
                preloader.cleared(member); // what SyncService.clearMember does, as an admin's "clear data"
                store.progress().clearMember(member);
            }
        });

        preload(true);

        assertThat(store.progress().status(member))
                .as("its next selection syncs it from the start")
                .isEmpty();
        assertThat(store.notes().notes(member)).isEmpty();
    }

    @Test
    void a_note_with_a_local_write_queued_is_not_overwritten() {
        Map<String, Object> row = emulator.rows(TABLE).getFirst();
        long pk = ((Number) row.get("PK_ID")).longValue();
        MemberId member = MemberId.of((String) row.get("Client_ID2"));
        Note local = Note.written(
                        "caspio_" + pk,
                        member,
                        NoteContent.of("Edited here, not pushed yet"),
                        new Author("u1", "Staff Member"),
                        null)
                .withCaspio(new CaspioRow(pk, null, (String) row.get("Last_Modified")));
        store.notes().writeLocal(local, OutboxAction.UPDATE, 100);

        preload(true);

        assertThat(store.notes().note("caspio_" + pk).orElseThrow().comments())
                .isEqualTo("Edited here, not pushed yet");
        assertThat(store.outbox().pending()).hasSize(1);
        assertThat(store.progress().status(member).orElseThrow().initialSyncCompleted())
                .isTrue();
    }
}
