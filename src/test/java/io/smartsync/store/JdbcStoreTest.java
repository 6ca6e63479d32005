package io.smartsync.store;

import static io.smartsync.store.StoreNotes.MEMBER;
import static io.smartsync.store.StoreNotes.NOW;
import static io.smartsync.store.StoreNotes.local;
import static io.smartsync.store.StoreNotes.synced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.NoteDraft;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.OutboxEntry;
import io.smartsync.note.SyncState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The store on a real SQLite file and on a real PostgreSQL schema. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class JdbcStoreTest {

    @TempDir
    Path dir;

    @Parameter
    StoreKind kind;

    TestDatabase db;
    Store store;

    @BeforeEach
    void open() {
        db = TestDatabase.create(kind, dir);
        store = db.open(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        TestDatabase.closeAll(store, db);
    }

    @Test
    void only_the_oldest_entry_of_a_note_is_claimed_and_a_lease_keeps_others_off_it() {
        store.notes().writeLocal(local("n1", "first"), OutboxAction.CREATE, 100);
        store.notes().writeLocal(local("n1", "edited"), OutboxAction.UPDATE, 100);
        store.notes().writeLocal(local("n2", "other"), OutboxAction.CREATE, 100);

        List<OutboxEntry> claimed = store.outbox().claim("a", 10, NOW, Duration.ofMinutes(1));

        assertThat(claimed).extracting(OutboxEntry::noteId).containsExactly("n1", "n2");
        assertThat(claimed).allSatisfy(e -> assertThat(e.action()).isEqualTo(OutboxAction.CREATE));
        assertThat(claimed).allSatisfy(e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(store.outbox().claim("b", 10, NOW.plusSeconds(30), Duration.ofMinutes(1)))
                .isEmpty();
        assertThat(store.outbox().claim("b", 10, NOW.plusSeconds(61), Duration.ofMinutes(1)))
                .extracting(OutboxEntry::attempts)
                .containsExactly(2, 2);
    }

    @Test
    void a_delete_queued_while_an_edit_is_pushed_is_based_on_the_version_that_edit_made() {
        Note v1 = synced("n1", 7L, "first", "2026-11-25T09:00:00");
        store.merges().applyPulled(List.of(v1), status("2026-11-25T09:00:00", 7), NOW.minusSeconds(5));
        store.notes().writeLocal(local("n1", "edited").withSyncState(SyncState.PENDING), OutboxAction.UPDATE, 100);
        OutboxEntry edit =
                store.outbox().claim("a", 10, NOW, Duration.ofMinutes(1)).getFirst();
        // While the edit is with the pusher, the note is deleted: a second entry, based on what was stored.
        store.notes().writeLocal(v1.asDeleted(SyncState.PENDING), OutboxAction.DELETE, 100);
        Note v2 = synced("n1", 7L, "edited", "2026-11-25T09:05:00");

        store.outbox().completePush(edit, v2);

        OutboxEntry delete = store.outbox().pending().getFirst();
        assertThat(delete.action()).isEqualTo(OutboxAction.DELETE);
        assertThat(delete.baseStamp()).isEqualTo("2026-11-25T09:05:00");
        assertThat(delete.baseHash()).isEqualTo(v2.contentHash());
    }

    @Test
    void a_delete_based_on_a_copy_read_before_its_create_was_pushed_keeps_caspios_key() {
        Note copy = local("n1", "first");
        store.notes().writeLocal(copy, OutboxAction.CREATE, 100);
        OutboxEntry create =
                store.outbox().claim("a", 10, NOW, Duration.ofMinutes(1)).getFirst();
        store.outbox().completePush(create, synced("n1", 42L, "first", "2026-11-25T10:00:00"));

        store.notes().writeLocal(copy.asDeleted(SyncState.PENDING), OutboxAction.DELETE, 100);

        Note stored = store.notes().note("n1").orElseThrow();
        assertThat(stored.deleted()).isTrue();
        assertThat(stored.pkId()).isEqualTo(42L);
        assertThat(store.outbox().pending()).extracting(OutboxEntry::action).containsExactly(OutboxAction.DELETE);
    }

    @Test
    void a_row_read_before_its_delete_was_pushed_does_not_come_back_after_a_restart_or_on_another_instance() {
        Note inCaspio = synced("n1", 7L, "first", "2026-11-25T09:00:00");
        store.merges().applyPulled(List.of(inCaspio), status("2026-11-25T09:00:00", 7), NOW.minusSeconds(5));
        store.notes().writeLocal(inCaspio.asDeleted(SyncState.PENDING), OutboxAction.DELETE, 100);
        store.outbox()
                .completePush(
                        store.outbox()
                                .claim("a", 10, NOW, Duration.ofMinutes(1))
                                .getFirst(),
                        inCaspio.asDeleted(SyncState.SYNCED));
        store.close();

        // Another process on the same store (a restart, or a second instance on PostgreSQL), a minute on.
        store = db.open(Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        PullResult begunBeforeThePush =
                store.merges().applyPulled(List.of(inCaspio), status("2026-11-25T09:00:00", 7), NOW.minusSeconds(1));
        assertThat(begunBeforeThePush.insertedIds()).isEmpty();
        assertThat(store.notes().notes(MEMBER)).isEmpty();

        // A read that began after the delete reached Caspio and still found the row: Caspio has it.
        PullResult begunAfter =
                store.merges().applyPulled(List.of(inCaspio), status("2026-11-25T09:00:00", 7), NOW.plusSeconds(1));
        assertThat(begunAfter.insertedIds()).containsExactly("n1");
    }

    @Test
    void a_key_listing_leaves_a_row_pushed_within_the_commit_lag_and_buries_one_read_before_it() {
        Note pushedLate = synced("n1", 7L, "pushed, its insert not visible yet", "2026-11-25T09:00:00");
        store.notes().writeLocal(local("n1", "pushed, its insert not visible yet"), OutboxAction.CREATE, 100);
        store.outbox()
                .completePush(
                        store.outbox()
                                .claim("a", 10, NOW, Duration.ofMinutes(1))
                                .getFirst(),
                        pushedLate);
        store.merges()
                .applyPulled(
                        List.of(synced("caspio_8", 8L, "read", "2026-11-25T09:00:01")),
                        status("2026-11-25T09:00:01", 8),
                        NOW);
        Duration lag = Duration.ofSeconds(5);

        // A listing one second later holds neither key: the pushed row may be a late commit, the read one is gone.
        int gone = store.reconciliation()
                .applyListing(List.of(MEMBER), Set.of(), 0, Long.MAX_VALUE, NOW.plusSeconds(1), lag);

        assertThat(gone).isEqualTo(1);
        assertThat(store.notes().notes(MEMBER)).extracting(Note::noteId).containsExactly("n1");
        // Past the lag, a listing without the pushed row buries it too.
        assertThat(store.reconciliation()
                        .applyListing(List.of(MEMBER), Set.of(), 0, Long.MAX_VALUE, NOW.plusSeconds(6), lag))
                .isEqualTo(1);
        assertThat(store.notes().notes(MEMBER)).isEmpty();
    }

    @Test
    void a_row_read_before_its_delete_was_pushed_does_not_bring_the_note_back() {
        Note inCaspio = synced("n1", 7L, "first", "2026-11-25T09:00:00");
        store.merges().applyPulled(List.of(inCaspio), status("2026-11-25T09:00:00", 7), NOW.plusSeconds(1));
        store.notes().writeLocal(inCaspio.asDeleted(SyncState.PENDING), OutboxAction.DELETE, 100);
        OutboxEntry delete =
                store.outbox().claim("a", 10, NOW, Duration.ofMinutes(1)).getFirst();
        store.outbox().completePush(delete, inCaspio.asDeleted(SyncState.SYNCED));

        PullResult late =
                store.merges().applyPulled(List.of(inCaspio), status("2026-11-25T09:00:00", 7), NOW.minusSeconds(1));

        assertThat(late.insertedIds()).isEmpty();
        assertThat(store.notes().notes(MEMBER)).isEmpty();
    }

    @Test
    void a_full_queue_refuses_a_new_write_and_keeps_what_was_queued() {
        store.notes().writeLocal(local("n1", "one"), OutboxAction.CREATE, 2);
        store.notes().writeLocal(local("n2", "two"), OutboxAction.CREATE, 2);

        assertThatThrownBy(() -> store.notes().writeLocal(local("n3", "three"), OutboxAction.CREATE, 2))
                .isInstanceOf(QueueFullException.class)
                .hasMessageContaining("2 writes");

        assertThat(store.outbox().pending()).extracting(OutboxEntry::noteId).containsExactly("n1", "n2");
        assertThat(store.notes().note("n3")).isEmpty();
    }

    @Test
    void a_pulled_row_does_not_overwrite_a_note_whose_local_write_is_still_queued() {
        store.notes().writeLocal(local("n1", "local edit"), OutboxAction.CREATE, 100);
        Note fromCaspio = synced("n1", 7L, "server text", "2026-11-25T09:00:00");

        PullResult result =
                store.merges().applyPulled(List.of(fromCaspio), status("2026-11-25T09:00:00", 7), NOW.plusSeconds(1));

        assertThat(result.inserted()).isZero();
        assertThat(store.notes().note("n1").orElseThrow().comments()).isEqualTo("local edit");
    }

    @Test
    void pulled_rows_and_the_cursor_they_reached_are_stored_together() {
        PullResult first = store.merges()
                .applyPulled(
                        List.of(synced("caspio_1", 1L, "a", "2026-11-20T08:00:00")),
                        status("2026-11-20T08:00:00", 1),
                        NOW.plusSeconds(1));
        PullResult again = store.merges()
                .applyPulled(
                        List.of(synced("caspio_1", 1L, "a", "2026-11-20T08:00:00")),
                        status("2026-11-20T08:00:00", 1),
                        NOW.plusSeconds(1));
        PullResult edited = store.merges()
                .applyPulled(
                        List.of(synced("caspio_1", 1L, "b", "2026-11-21T08:00:00")),
                        status("2026-11-21T08:00:00", 1),
                        NOW.plusSeconds(1));

        assertThat(first.insertedIds()).containsExactly("caspio_1");
        assertThat(again).isEqualTo(PullResult.NONE);
        assertThat(edited.updated()).isEqualTo(1);
        MemberSyncStatus s = store.progress().status(MEMBER).orElseThrow();
        assertThat(s.cursorStamp()).isEqualTo("2026-11-21T08:00:00");
        assertThat(s.cursorPk()).isEqualTo(1);
        assertThat(s.totalNotesCount()).isEqualTo(1);
        assertThat(store.notes().notes(MEMBER)).extracting(Note::comments).containsExactly("b");
    }

    @Test
    void a_pushed_note_becomes_synced_and_leaves_the_outbox() {
        OutboxEntry entry = store.notes()
                .writeLocal(local("n1", "text"), OutboxAction.CREATE, 100)
                .orElseThrow();

        store.outbox().completePush(entry, synced("n1", 9L, "text", "2026-11-25T10:00:00"));

        assertThat(store.outbox().pending()).isEmpty();
        Note n = store.notes().note("n1").orElseThrow();
        assertThat(n.syncState()).isEqualTo(SyncState.SYNCED);
        assertThat(n.pkId()).isEqualTo(9L);
    }

    @Test
    void a_permanent_failure_parks_the_entry_and_marks_the_note_failed() {
        OutboxEntry entry = store.notes()
                .writeLocal(local("n1", "text"), OutboxAction.CREATE, 100)
                .orElseThrow();

        store.outbox().recordFailure(entry, "HTTP 400 IncorrectBodyParameter", true);

        assertThat(store.outbox().pending()).isEmpty();
        assertThat(store.outbox().failed())
                .extracting(OutboxEntry::lastError)
                .containsExactly("HTTP 400 IncorrectBodyParameter");
        assertThat(store.notes().note("n1").orElseThrow().syncState()).isEqualTo(SyncState.FAILED);
        assertThat(store.outbox().claim("a", 10, NOW, Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void edits_of_a_queued_note_fold_into_one_entry() {
        store.notes().writeLocal(synced("n1", 5L, "v1", "2026-11-20T08:00:00"), OutboxAction.UPDATE, 100);
        store.notes().writeLocal(synced("n1", 5L, "v2", "2026-11-20T08:00:00"), OutboxAction.UPDATE, 100);
        store.notes().writeLocal(synced("n1", 5L, "v3", "2026-11-20T08:00:00"), OutboxAction.UPDATE, 100);

        assertThat(store.outbox().pending())
                .singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo(OutboxAction.UPDATE));
        assertThat(store.notes().note("n1").orElseThrow().comments()).isEqualTo("v3");
    }

    @Test
    void deleting_a_note_that_never_reached_caspio_cancels_its_create() {
        store.notes().writeLocal(local("n1", "draft"), OutboxAction.CREATE, 100);
        store.notes().writeLocal(local("n1", "draft edited"), OutboxAction.UPDATE, 100);

        assertThat(store.notes().writeLocal(local("n1", "draft edited"), OutboxAction.DELETE, 100))
                .isEmpty();

        assertThat(store.outbox().pending()).isEmpty();
        assertThat(store.notes().note("n1")).isEmpty();
    }

    @Test
    void a_write_behind_an_entry_being_pushed_gets_its_own_entry_with_its_base_stamp() {
        store.merges()
                .applyPulled(
                        List.of(synced("n1", 5L, "v0", "2026-11-20T08:00:00")),
                        MemberSyncStatus.fresh(MEMBER),
                        NOW.plusSeconds(1));
        store.notes().writeLocal(synced("n1", 5L, "v1", "2026-11-20T08:00:00"), OutboxAction.UPDATE, 100);
        store.outbox().claim("pusher", 10, NOW, Duration.ofMinutes(1));

        store.notes().writeLocal(synced("n1", 5L, "v2", "2026-11-20T08:00:00"), OutboxAction.DELETE, 100);

        assertThat(store.outbox().pending())
                .extracting(OutboxEntry::action, OutboxEntry::baseStamp)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(OutboxAction.UPDATE, "2026-11-20T08:00:00"),
                        org.assertj.core.groups.Tuple.tuple(OutboxAction.DELETE, "2026-11-20T08:00:00"));
    }

    @Test
    void an_edit_based_on_a_read_from_before_the_create_was_pushed_keeps_the_caspio_row() {
        OutboxEntry create = store.notes()
                .writeLocal(local("n1", "text"), OutboxAction.CREATE, 100)
                .orElseThrow();
        store.outbox().claim("pusher", 10, NOW, Duration.ofMinutes(1));
        Note readBeforePush = store.notes().note("n1").orElseThrow();

        store.outbox().completePush(create, synced("n1", 9L, "text", "2026-11-25T10:00:00"));
        store.notes()
                .writeLocal(readBeforePush.edited(new NoteDraft(NoteContent.of("edited"))), OutboxAction.UPDATE, 100);

        Note stored = store.notes().note("n1").orElseThrow();
        assertThat(stored.pkId()).isEqualTo(9L);
        assertThat(stored.comments()).isEqualTo("edited");
        assertThat(store.outbox().pending())
                .singleElement()
                .satisfies(e -> assertThat(e.baseStamp()).isEqualTo("2026-11-25T10:00:00"));
    }

    @Test
    void sync_history_older_than_the_retention_is_pruned() {
        store.history()
                .recordRun(new SyncRun(NOW.minus(Duration.ofDays(100)), 5, "poll", null, 1, 10, 10, 0, 0, 0, "ok"));
        store.history().recordRun(new SyncRun(NOW, 5, "initial", "CL000001", 2, 20, 20, 3, 3, 0, "ok"));

        assertThat(store.history().pruneRuns(NOW.minus(Duration.ofDays(90)))).isEqualTo(1);

        assertThat(store.history().recentRuns(10)).extracting(SyncRun::kind).containsExactly("initial");
    }

    @Test
    void the_last_page_of_a_sync_finishes_it_in_its_own_transaction() {
        Note first = synced("n1", 7L, "first", "2026-11-25T09:00:00");
        MemberSyncStatus notDone = new MemberSyncStatus(MEMBER, false, null, "2026-11-25T09:00:00", 7, 0, null);

        store.merges().applyPulled(List.of(first), notDone, NOW.minusSeconds(5));

        assertThat(store.progress().lastSync(MEMBER).orElseThrow().lastSyncAt()).isNull();
        assertThat(store.reconciliation().lastReconciled(MEMBER)).isEmpty();

        Note second = synced("n2", 8L, "second", "2026-11-25T09:01:00");
        store.merges()
                .applyLastPulled(
                        List.of(second),
                        new MemberSyncStatus(MEMBER, true, null, "2026-11-25T09:01:00", 8, 0, null),
                        NOW.minusSeconds(5),
                        true);

        MemberSyncStatus finished = store.progress().lastSync(MEMBER).orElseThrow();
        assertThat(finished.initialSyncCompleted()).isTrue();
        assertThat(finished.lastSyncAt()).isEqualTo(NOW);
        assertThat(finished.cursorPk()).isEqualTo(8);
        assertThat(finished.totalNotesCount()).isEqualTo(2);
        assertThat(store.reconciliation().lastReconciled(MEMBER)).contains(NOW);
    }

    @Test
    void a_member_read_sees_the_count_its_last_sync_stored_while_the_status_counts_the_notes_now() {
        store.merges()
                .applyLastPulled(
                        List.of(synced("n1", 7L, "first", "2026-11-25T09:00:00")),
                        status("2026-11-25T09:00:00", 7),
                        NOW.minusSeconds(5),
                        false);
        store.notes().writeLocal(local("n2", "written here"), OutboxAction.CREATE, 100);

        assertThat(store.progress().lastSync(MEMBER).orElseThrow().totalNotesCount())
                .isEqualTo(1);
        assertThat(store.progress().status(MEMBER).orElseThrow().totalNotesCount())
                .isEqualTo(2);
        assertThat(store.reconciliation().lastReconciled(MEMBER)).isEmpty();
    }

    private static MemberSyncStatus status(String stamp, long pk) {
        return new MemberSyncStatus(MEMBER, true, null, stamp, pk, 0, null);
    }
}
