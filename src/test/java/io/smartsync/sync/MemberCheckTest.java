package io.smartsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.NoteFields;
import io.smartsync.caspio.NoteRowMapper;
import io.smartsync.caspio.NotesTable;
import io.smartsync.caspio.TableShape;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.EmulatorStats;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.store.Store;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduled delete check of the members stored here, against the emulator over HTTP on a real SQLite
 * store: one total per OR chain of members, counts by member only for a chain whose total differs, and a
 * member's keys listed only when one of its rows was deleted, however busy Caspio is with rows the poll has
 * not read yet. The emulator names a total {@code count} and a grouped count, like a key listing, {@code
 * read}.
 */
class MemberCheckTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;
    /** Enough members for several OR chains. */
    private static final int MEMBERS = 150;
    /** A member with rows in Caspio that is not stored here. */
    private static final MemberId ELSEWHERE = MemberId.of("ZZ000001");

    @TempDir
    Path dir;

    private CaspioEmulator emulator;
    private HttpClient http;
    private Store store;
    private Poller poller;
    private Reconciler reconciler;
    private MemberPuller puller;
    private NotesTable table;
    private Clock clock;
    private SyncConfig config;
    /** Two members with seeded notes, stored here by the preload. */
    private MemberId a;

    private MemberId b;

    @BeforeEach
    void start() {
        emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                .withPort(0)
                .withMembers(MEMBERS)
                .withNotesPerMember(2));
        http = HttpClient.newHttpClient();
        clock = Clock.systemUTC();
        store = Store.openSqlite(dir.resolve("store.db"), clock);
        CaspioClient caspio = SyncParts.demoClient(emulator, http, clock);
        table = SyncParts.notesTable(caspio);
        config = SyncConfig.builder().build();
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
        assertThat(stored(b)).isNotEmpty();
        assertThat(chains(table)).as("OR chains of the members stored here").hasSizeGreaterThan(1);
        assertThat(chains(table).getFirst()).contains(a, b);
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

    /** The OR chains the next check sends, as the check itself makes them. */
    private List<List<MemberId>> chains(NotesTable caspio) {
        long bound = poller.keysCovered();
        return caspio.countGroups(
                List.copyOf(store.reconciliation().storedKeysByMember(bound).keySet()), bound);
    }

    private long firstKeyOf(MemberId member) {
        return ((Number) emulator.rows(TABLE).stream()
                        .filter(r -> member.value().equals(r.get("Client_ID2")))
                        .findFirst()
                        .orElseThrow()
                        .get("PK_ID"))
                .longValue();
    }

    private long requests(EmulatorStats.Kind kind) {
        return emulator.stats().requests().get(kind);
    }

    /**
     * A row of a member not stored here, with a key the last poll covers: the poll does not store it, and a
     * later row of A, which it stores, moves the bound above it.
     */
    private long rowElsewhereBelowTheBound() {
        long elsewhere = insert(ELSEWHERE);
        insert(a);
        poller.pollOnce();
        poller.pollOnce();
        assertThat(poller.keysCovered()).isGreaterThanOrEqualTo(elsewhere);
        return elsewhere;
    }

    @Test
    void a_quiet_check_asks_one_total_per_chain_and_no_counts_by_member() {
        int chains = chains(table).size();
        emulator.resetStats();

        Map<MemberId, Integer> gone = reconciler.checkStored(poller.keysCovered());

        assertThat(gone).isEmpty();
        assertThat(requests(EmulatorStats.Kind.COUNT))
                .as("totals, one per chain")
                .isEqualTo(chains);
        assertThat(requests(EmulatorStats.Kind.READ))
                .as("counts by member and key listings")
                .isZero();
        assertThat(emulator.stats().totalRequests()).isEqualTo(chains);
    }

    @Test
    void rows_made_in_caspio_since_the_last_poll_cost_the_check_no_key_listing() {
        long unseen = insert(a); // another writer's row that no poll has read yet
        long newer = insert(b);
        puller.everything(store.progress().status(b).orElseThrow()); // B's newer row is stored at once
        assertThat(stored(b)).contains(Note.idForCaspioRow(newer));
        assertThat(stored(a)).isNotEmpty().doesNotContain(Note.idForCaspioRow(unseen));
        int chains = chains(table).size();
        emulator.resetStats();

        Map<MemberId, Integer> gone = reconciler.checkStored(poller.keysCovered());

        assertThat(gone).isEmpty();
        assertThat(emulator.stats().totalRequests())
                .as("requests of the check: a total per chain, no counts by member, no member's keys")
                .isEqualTo(chains)
                .isEqualTo(requests(EmulatorStats.Kind.COUNT));
    }

    @Test
    void a_row_deleted_in_caspio_is_found_by_the_next_check_and_only_its_chain_is_counted_by_member() {
        long pk = firstKeyOf(b);
        emulator.delete(TABLE, pk);
        List<List<MemberId>> chains = chains(table);
        List<String> grouped = new CopyOnWriteArrayList<>();
        emulator.onRequest(r -> {
            if (r.contains("q.groupBy=")) {
                grouped.add(r);
            }
        });
        emulator.resetStats();

        Map<MemberId, Integer> gone = reconciler.checkStored(poller.keysCovered());

        assertThat(gone).isEqualTo(Map.of(b, 1));
        assertThat(stored(b)).doesNotContain(Note.idForCaspioRow(pk));
        assertThat(requests(EmulatorStats.Kind.COUNT))
                .as("totals, one per chain")
                .isEqualTo(chains.size());
        assertThat(requests(EmulatorStats.Kind.READ))
                .as("the counts by member of B's chain, then B's keys")
                .isEqualTo(2);
        assertThat(grouped)
                .as("counts by member of B's chain only")
                .singleElement()
                .satisfies(r -> {
                    chains.getFirst().forEach(m -> assertThat(r).contains("'" + m.value() + "'"));
                    assertThat(r).doesNotContain("'" + chains.get(1).getFirst().value() + "'");
                });
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

    @Test
    void a_row_moved_into_a_chain_that_hid_a_delete_beside_it_is_stored_by_the_next_poll_and_the_delete_found() {
        // Given a row of a member not stored here, below the bound, moved to B in Caspio while a row of A is
        // deleted: B's chain has as many rows in Caspio as here
        long moved = rowElsewhereBelowTheBound();
        long deleted = firstKeyOf(a);
        emulator.update(TABLE, moved, Map.of("Client_ID2", b.value()));
        emulator.delete(TABLE, deleted);
        reconciler.checkStored(poller.keysCovered());

        // When the poll reads the moved row (its stamp moved) and the check runs again
        poller.pollOnce();
        Map<MemberId, Integer> gone = reconciler.checkStored(poller.keysCovered());

        // Then the delete is found
        assertThat(stored(b)).contains(Note.idForCaspioRow(moved));
        assertThat(gone).isEqualTo(Map.of(a, 1));
        assertThat(stored(a)).doesNotContain(Note.idForCaspioRow(deleted));
    }

    @Test
    void a_member_with_more_rows_in_caspio_than_here_keeps_its_chain_on_counts_by_member() {
        // Given a row moved to B in Caspio that no poll has read: the check sees B's surplus
        long moved = rowElsewhereBelowTheBound();
        emulator.update(TABLE, moved, Map.of("Client_ID2", b.value()));
        assertThat(reconciler.checkStored(poller.keysCovered())).isEmpty();

        // When a row of A, in B's chain, is deleted before the poll has read the moved row
        long deleted = firstKeyOf(a);
        emulator.delete(TABLE, deleted);
        emulator.resetStats();
        Map<MemberId, Integer> gone = reconciler.checkStored(poller.keysCovered());

        // Then the check counts that chain by member and finds the delete, though its total is unchanged
        assertThat(gone).isEqualTo(Map.of(a, 1));
        assertThat(stored(a)).doesNotContain(Note.idForCaspioRow(deleted));
        assertThat(requests(EmulatorStats.Kind.COUNT))
                .as("totals of the other chains")
                .isEqualTo(chains(table).size() - 1);
    }

    @Test
    void on_a_table_whose_stamp_does_not_move_on_update_every_chain_is_counted_by_member() {
        // Given a table on which the poll never sees an edit, and a row moved to B beside a delete of A's
        NoteFields names = NoteFields.defaults();
        TableShape insertOnly =
                new TableShape(TableShape.syncReady(names).cursor(), false, true, false, ZoneOffset.UTC);
        NotesTable blind =
                new NotesTable(SyncParts.demoClient(emulator, http, clock), new NoteRowMapper(names, insertOnly));
        Reconciler check = new Reconciler(store, blind, config, clock);
        long moved = rowElsewhereBelowTheBound();
        long deleted = firstKeyOf(a);
        emulator.update(TABLE, moved, Map.of("Client_ID2", b.value()));
        emulator.delete(TABLE, deleted);
        int chains = chains(blind).size();
        emulator.resetStats();

        Map<MemberId, Integer> gone = check.checkStored(poller.keysCovered());

        // Then the delete is found at once, by counts by member
        assertThat(gone).containsEntry(a, 1);
        assertThat(stored(a)).doesNotContain(Note.idForCaspioRow(deleted));
        assertThat(requests(EmulatorStats.Kind.COUNT)).as("no totals").isZero();
        assertThat(requests(EmulatorStats.Kind.READ))
                .as("counts by member of every chain, then the keys of A and of B")
                .isEqualTo(chains + 2);
    }
}
