package io.smartsync.store;

import static io.smartsync.store.StoreNotes.MEMBER;
import static io.smartsync.store.StoreNotes.NOW;
import static io.smartsync.store.StoreNotes.local;
import static io.smartsync.store.StoreNotes.synced;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.SyncState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The store's figures (queue, seed's sync metrics, Caspio usage), clearing a member, and the audit log. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ReportsAndAccessRecordsTest {
    private static final YearMonth MONTH = YearMonth.of(2026, 11);

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
    void data_transfer_saved_is_every_visits_full_answer_minus_every_byte_exchanged() {
        // Given three notes of 500, 600 and 700 bytes (as Caspio's reads answered them) and a deleted one
        store.merges()
                .applyPulled(
                        List.of(
                                synced("n1", 1L, "text", "2026-11-25T09:00:00"),
                                synced("n2", 2L, "text", "2026-11-25T09:00:00"),
                                synced("n3", 3L, "text", "2026-11-25T09:00:00"),
                                synced("n4", 4L, "text", "2026-11-25T09:00:00").asDeleted(SyncState.SYNCED)),
                        new MemberSyncStatus(MEMBER, true, NOW, "2026-11-25T09:00:00", 4, 0, null),
                        NOW);
        store.reports().recordRowBytes(Map.of(1L, 500, 2L, 600, 3L, 700, 4L, 9_999));
        store.history().recordRun(run("initial", 10_000, 10, 120));
        store.history().recordRun(run("incremental", 400, 0, 20));

        // When the member is served twice and 1,000 bytes went each way
        store.notes().serve(MEMBER, null);
        store.notes().serve(MEMBER, null);
        store.reports().addCaspioUsage(MONTH, 3, 1_000, 1_000);

        // Then a full answer is {"Result":[ + three rows + two commas + ]} = 13 + 1,800 + 2 = 1,815 bytes
        SyncTotals t = store.reports().syncTotals(MONTH);
        assertThat(t.fullReloadBytes()).isEqualTo(2 * 1_815);
        assertThat(t.caspioBytes()).isEqualTo(2_000);
        assertThat(t.dataTransferSaved()).isEqualTo(2 * 1_815 - 2_000);
        assertThat(t.avgSyncMillis()).isEqualTo(70);

        // And clearing the member keeps what its visits would have fetched
        assertThat(store.progress().clearMember(MEMBER)).isEqualTo(3);
        assertThat(store.reports().syncTotals(MONTH).fullReloadBytes()).isEqualTo(2 * 1_815);
    }

    @Test
    void total_members_counts_a_member_served_whose_first_sync_never_finished() {
        store.merges().applyPulled(List.of(), new MemberSyncStatus(MEMBER, true, NOW, null, 0, 0, null), NOW);
        MemberId never = new MemberId("CL-never");

        store.notes().serve(never, null);

        SyncTotals t = store.reports().syncTotals(MONTH);
        assertThat(t.totalMembers()).isEqualTo(2);
        assertThat(t.syncedMembers()).isEqualTo(1);
        assertThat(t.fullReloadBytes()).isEqualTo(13); // {"Result":[]}: nothing of it is stored
    }

    @Test
    void a_served_read_writes_its_audit_line_with_the_marker() {
        // Given a member with one note
        store.merges()
                .applyPulled(
                        List.of(synced("n1", 1L, "text", "2026-11-25T09:00:00")),
                        new MemberSyncStatus(MEMBER, true, NOW, "2026-11-25T09:00:00", 1, 0, null),
                        NOW);

        // When it is served twice, once for kim with her read's audit line, once without
        store.notes().serve(MEMBER, null, new AuditRecord(0, null, "kim", "notes.read", null, null, "ok"));
        Served second = store.notes().serve(MEMBER, null);

        // Then the log holds kim's read of that member, at the answer's time, and the marker moved with it
        assertThat(store.access().audit(new AuditQuery(null, null, null, null, null, null, 10)))
                .extracting(a -> a.actor() + " " + a.action() + " " + a.clientId2() + " " + a.outcome() + " " + a.at())
                .containsExactly("kim notes.read " + MEMBER.value() + " ok " + NOW);
        assertThat(second.previousAnswerAt()).isEqualTo(NOW);
    }

    @Test
    void caspio_calls_add_up_per_month_across_flushes() {
        store.reports().addCaspioUsage(MONTH, 5, 100, 10);
        store.reports().addCaspioUsage(MONTH, 7, 100, 10);
        store.reports().addCaspioUsage(MONTH.minusMonths(1), 1000, 1, 1);

        assertThat(store.reports().syncTotals(MONTH).caspioCallsThisMonth()).isEqualTo(12);
    }

    @Test
    void the_queue_shows_pending_and_parked_writes_and_when_the_oldest_was_queued() {
        assertThat(store.reports().queue()).isEqualTo(new QueueStats(0, 0, null));
        store.notes().writeLocal(local("a", "text"), OutboxAction.CREATE, 100);
        store.notes().writeLocal(local("b", "text"), OutboxAction.CREATE, 100);

        assertThat(store.reports().queue()).isEqualTo(new QueueStats(2, 0, NOW));
        assertThat(store.reports().reachable()).isTrue();
    }

    @Test
    void clearing_a_member_forgets_its_synced_notes_and_status_but_keeps_queued_writes() {
        store.merges()
                .applyPulled(
                        List.of(
                                synced("n1", 1L, "text", "2026-11-25T09:00:00"),
                                synced("n2", 2L, "text", "2026-11-25T09:00:00")),
                        new MemberSyncStatus(MEMBER, true, NOW, "2026-11-25T09:00:00", 2, 0, null),
                        NOW);
        store.notes().writeLocal(local("mine", "text"), OutboxAction.CREATE, 100);

        int removed = store.progress().clearMember(MEMBER);

        assertThat(removed).isEqualTo(2);
        assertThat(store.progress().status(MEMBER)).isEmpty();
        assertThat(store.notes().notes(MEMBER)).extracting(Note::noteId).containsExactly("mine");
        assertThat(store.outbox().pending()).hasSize(1);
    }

    @Test
    void the_audit_log_filters_pages_and_purges_by_age() {
        AccessRecords access = store.access();
        access.appendAudit(new AuditRecord(0, NOW.minusSeconds(400 * 86_400L), "old", "notes.read", "CL1", null, "ok"));
        for (int i = 0; i < 5; i++) {
            access.appendAudit(new AuditRecord(0, NOW, "u" + (i % 2), "notes.read", "CL" + i, null, "ok"));
        }

        List<AuditRecord> u0 = access.audit(new AuditQuery("u0", null, null, null, null, null, 10));
        List<AuditRecord> page = access.audit(new AuditQuery(null, null, null, null, null, null, 2));
        List<AuditRecord> next = access.audit(
                new AuditQuery(null, null, null, null, null, page.getLast().id(), 2));

        assertThat(u0).extracting(AuditRecord::clientId2).containsExactly("CL4", "CL2", "CL0");
        assertThat(page).extracting(AuditRecord::clientId2).containsExactly("CL4", "CL3");
        assertThat(next).extracting(AuditRecord::clientId2).containsExactly("CL2", "CL1");
        assertThat(access.purgeAudit(NOW.minusSeconds(365 * 86_400L))).isEqualTo(1);
        assertThat(access.audit(new AuditQuery("old", null, null, null, null, null, 10)))
                .isEmpty();
    }

    private static SyncRun run(String kind, long bytesIn, int rows, long ms) {
        return new SyncRun(NOW, ms, kind, MEMBER.value(), 1, bytesIn, 100, rows, 0, 0, "ok");
    }
}
