package io.smartsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.NotesTable;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.store.Store;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduled delete check of the members stored here, against the emulator over HTTP on a real SQLite
 * store: one grouped count, and a member's keys listed only when one of its rows was deleted, however
 * busy Caspio is with rows the poll has not read yet.
 */
class MemberCheckTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;

    @TempDir
    Path dir;

    private CaspioEmulator emulator;
    private HttpClient http;
    private Store store;
    private Poller poller;
    private Reconciler reconciler;
    private MemberPuller puller;
    /** Two members with seeded notes, stored here by the preload. */
    private MemberId a;

    private MemberId b;

    @BeforeEach
    void start() {
        emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                .withPort(0)
                .withMembers(10)
                .withNotesPerMember(4));
        http = HttpClient.newHttpClient();
        Clock clock = Clock.systemUTC();
        store = Store.openSqlite(dir.resolve("store.db"), clock);
        CaspioClient caspio = SyncParts.demoClient(emulator, http, clock);
        NotesTable table = SyncParts.notesTable(caspio);
        SyncConfig config = SyncConfig.builder().build();
        SyncEvents events = new SyncEvents(clock);
        LagWatch lag = new LagWatch(config.overlapSeconds());
        poller = new Poller(store, table, config, lag, clock);
        reconciler = new Reconciler(store, table, config, clock);
        puller = new MemberPuller(store.merges(), table, config, events, lag, clock);

        Preloader preloader = new Preloader(store, table, config, events, clock);
        assertThat(preloader.claim()).isTrue();
        preloader.run(true);
        poller.pollOnce(); // the first poll sets its cursor; the second reads the changes after it
        poller.pollOnce();
        List<MemberId> seeded = emulator.rows(TABLE).stream()
                .map(r -> MemberId.of((String) r.get("Client_ID2")))
                .distinct()
                .sorted(Comparator.comparing(MemberId::value))
                .toList();
        a = seeded.get(0);
        b = seeded.get(1);
        assertThat(stored(a)).isNotEmpty();
    }

    @AfterEach
    void stop() {
        emulator.close();
        http.close();
    }

    private long insert(MemberId member) {
        Map<String, Object> row = emulator.insert(TABLE, Map.of("Client_ID2", member.value(), "Comments", "Called"));
        return ((Number) row.get("PK_ID")).longValue();
    }

    private List<String> stored(MemberId member) {
        return store.notes().notes(member).stream().map(Note::noteId).toList();
    }

    @Test
    void rows_made_in_caspio_since_the_last_poll_cost_the_check_no_key_listing() {
        long unseen = insert(a); // another writer's row that no poll has read yet
        long newer = insert(b);
        puller.everything(store.progress().status(b).orElseThrow()); // B's newer row is stored at once
        assertThat(stored(b)).contains(Note.idForCaspioRow(newer));
        assertThat(stored(a)).isNotEmpty().doesNotContain(Note.idForCaspioRow(unseen));
        emulator.resetStats();

        Map<MemberId, Integer> gone = reconciler.checkStored(poller.keysCovered());

        assertThat(gone).isEmpty();
        assertThat(emulator.stats().totalRequests())
                .as("requests of the check: the grouped count of the 10 members, no member's keys")
                .isEqualTo(1);
    }

    @Test
    void a_row_deleted_in_caspio_is_found_by_the_next_check_and_only_its_member_is_listed() {
        long pk = ((Number) emulator.rows(TABLE).stream()
                        .filter(r -> b.value().equals(r.get("Client_ID2")))
                        .findFirst()
                        .orElseThrow()
                        .get("PK_ID"))
                .longValue();
        emulator.delete(TABLE, pk);
        emulator.resetStats();

        Map<MemberId, Integer> gone = reconciler.checkStored(poller.keysCovered());

        assertThat(gone).isEqualTo(Map.of(b, 1));
        assertThat(stored(b)).doesNotContain(Note.idForCaspioRow(pk));
        assertThat(emulator.stats().totalRequests())
                .as("requests of the check: the grouped count, then B's keys")
                .isEqualTo(2);
    }

    @Test
    void a_row_deleted_before_any_poll_covered_its_key_is_found_once_the_next_poll_has_run() {
        long pk = insert(a);
        poller.pollOnce(); // stores the row: its key is above what this poll covers
        assertThat(stored(a)).contains(Note.idForCaspioRow(pk));
        emulator.delete(TABLE, pk);

        assertThat(reconciler.checkStored(poller.keysCovered())).isEmpty();

        poller.pollOnce();
        assertThat(reconciler.checkStored(poller.keysCovered())).isEqualTo(Map.of(a, 1));
        assertThat(stored(a)).doesNotContain(Note.idForCaspioRow(pk));
    }
}
