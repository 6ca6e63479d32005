package io.smartsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.store.SyncRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's selection on its own: what the first one loads and records, when the store answers without
 * asking Caspio, what a Caspio failure leaves, and that two selections of one member never pull at once.
 */
class SyncEngineTest {
    private static final MemberId MEMBER = SyncParts.member(1);
    private static final int NOTES = 7;
    private static final long POLL_INTERVAL_MS = 30_000;

    @TempDir
    Path dir;

    private SyncParts parts;
    private Poller poller;
    private SyncEngine engine;

    @BeforeEach
    void start() {
        parts = new SyncParts(
                dir,
                1,
                NOTES,
                SyncConfig.builder()
                        .pageSize(5)
                        .autoSyncInterval(POLL_INTERVAL_MS)
                        .build());
        poller = parts.poller();
        engine = parts.engine(poller);
    }

    @AfterEach
    void stop() {
        parts.close();
    }

    @Test
    void the_first_selection_loads_every_note_and_records_one_initial_run_and_the_next_one_an_incremental_run() {
        assertThat(engine.select(MEMBER)).isEqualTo(SyncType.INITIAL);

        assertThat(parts.storedIds(MEMBER)).hasSize(NOTES);
        MemberSyncStatus status = parts.store.progress().status(MEMBER).orElseThrow();
        assertThat(status.initialSyncCompleted()).isTrue();
        assertThat(status.totalNotesCount()).isEqualTo(NOTES);
        assertThat(status.lastNoteId())
                .isEqualTo(parts.store.notes().notes(MEMBER).getFirst().noteId());
        // It read every row: the member's keys count as checked now, so no check is due.
        assertThat(parts.store.reconciliation().lastReconciled(MEMBER)).contains(parts.clock.instant());
        assertThat(runs()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("initial");
            assertThat(r.clientId2()).isEqualTo(MEMBER.value());
            assertThat(r.newNotes()).isEqualTo(NOTES);
            assertThat(r.outcome()).isEqualTo("ok");
        });

        parts.clock.advance(Duration.ofSeconds(1));
        assertThat(engine.select(MEMBER)).isEqualTo(SyncType.INCREMENTAL);
        assertThat(runs()).extracting(SyncRun::kind).containsExactly("incremental", "initial");
        assertThat(parts.storedIds(MEMBER)).hasSize(NOTES);
    }

    @Test
    void a_member_the_poll_keeps_fresh_is_answered_from_the_store_until_the_poll_falls_behind() {
        // Given a poll that runs from before the member's first sync, and has run once since
        poller.pollOnce();
        assertThat(engine.select(MEMBER)).isEqualTo(SyncType.INITIAL);
        poller.pollOnce();
        parts.emulator.resetStats();

        // Then a selection asks Caspio nothing
        assertThat(engine.select(MEMBER)).isEqualTo(SyncType.CACHED);
        assertThat(parts.emulator.stats().totalRequests()).isZero();

        // When the poll has not finished for longer than its interval and a selection's wait, a selection pulls
        parts.clock.advance(Duration.ofMillis(POLL_INTERVAL_MS + parts.config.selectionDeadlineMs() + 1));
        assertThat(engine.select(MEMBER)).isEqualTo(SyncType.INCREMENTAL);
        assertThat(parts.emulator.stats().totalRequests()).isPositive();
    }

    @Test
    void caspio_failing_on_a_first_selection_answers_stale_and_the_next_selection_loads_the_member() {
        parts.emulator.failNext(1, 500);

        assertThat(engine.select(MEMBER)).isEqualTo(SyncType.STALE);
        assertThat(parts.store.progress().status(MEMBER).map(MemberSyncStatus::initialSyncCompleted))
                .as("the member is not marked loaded")
                .isNotEqualTo(Optional.of(true));
        assertThat(parts.storedIds(MEMBER)).isEmpty();
        assertThat(runs()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("initial");
            assertThat(r.outcome()).startsWith("failed");
        });

        assertThat(engine.select(MEMBER)).isEqualTo(SyncType.INITIAL);
        assertThat(parts.storedIds(MEMBER)).hasSize(NOTES);
    }

    @Test
    void two_selections_of_one_member_at_once_pull_one_after_the_other() throws Exception {
        // Given a first selection held inside its pull until a second selection of the member has come in
        AtomicBoolean held = new AtomicBoolean();
        AutoCloseable listening = parts.events.listen(e -> {
            if (MEMBER.value().equals(e.clientId2()) && held.compareAndSet(false, true)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> engine.running() == 2);
            }
        });
        try (ExecutorService selections = Executors.newFixedThreadPool(2)) {
            Future<SyncType> first = selections.submit(() -> engine.select(MEMBER));
            await().atMost(Duration.ofSeconds(10)).untilTrue(held);
            Future<SyncType> second = selections.submit(() -> engine.select(MEMBER));

            // Then the second waits for the first: one initial sync, then an incremental one
            assertThat(List.of(first.get(), second.get()))
                    .containsExactlyInAnyOrder(SyncType.INITIAL, SyncType.INCREMENTAL);
        } finally {
            listening.close();
        }
        assertThat(runs()).extracting(SyncRun::kind).containsExactlyInAnyOrder("initial", "incremental");
        assertThat(parts.storedIds(MEMBER)).hasSize(NOTES);
    }

    /** The recorded runs, newest first. */
    private List<SyncRun> runs() {
        return parts.store.history().recentRuns(100);
    }
}
