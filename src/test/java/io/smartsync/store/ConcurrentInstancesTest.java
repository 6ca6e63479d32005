package io.smartsync.store;

import static io.smartsync.store.StoreNotes.local;
import static io.smartsync.store.StoreNotes.synced;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.note.Note;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.OutboxEntry;
import io.smartsync.note.SyncState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two stores opened on one database, as two instances would, used from several threads at once: the
 * invariants the push leans on hold under concurrency, not only under SQLite's one-writer-at-a-time.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ConcurrentInstancesTest {

    @TempDir
    Path dir;

    @Parameter
    StoreKind kind;

    TestDatabase db;
    Store first;
    Store second;

    @BeforeEach
    void open() {
        db = TestDatabase.create(kind, dir);
        first = db.open(Clock.systemUTC());
        second = db.open(Clock.systemUTC());
    }

    @AfterEach
    void close() {
        TestDatabase.closeAll(first, second, db);
    }

    @Test
    void claims_from_two_instances_at_once_never_share_an_entry() throws Exception {
        for (int i = 0; i < 200; i++) {
            first.notes().writeLocal(local("n" + i, "text " + i), OutboxAction.CREATE, 1000);
        }
        ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                Store store = w % 2 == 0 ? first : second;
                String owner = "worker-" + w;
                workers.add(pool.submit(() -> {
                    List<OutboxEntry> batch;
                    while (!(batch = store.outbox().claim(owner, 7, Instant.now(), Duration.ofMinutes(1))).isEmpty()) {
                        batch.forEach(e -> claimed.add(e.id()));
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        }

        assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void an_edit_racing_the_completion_of_a_push_stays_queued_with_its_text() throws Exception {
        List<OutboxEntry> inFlight = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            first.notes().writeLocal(local("n" + i, "original"), OutboxAction.CREATE, 1000);
        }
        inFlight.addAll(first.outbox().claim("pusher", 100, Instant.now(), Duration.ofMinutes(1)));
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (OutboxEntry entry : inFlight) {
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> push = pool.submit(() -> {
                    together.await();
                    first.outbox().completePush(entry, pushed(entry.noteId(), "original"));
                    return null;
                });
                Future<?> edit = pool.submit(() -> {
                    together.await();
                    second.notes()
                            .writeLocal(
                                    pushed(entry.noteId(), "edited").withSyncState(SyncState.PENDING),
                                    OutboxAction.UPDATE,
                                    1000);
                    return null;
                });
                push.get();
                edit.get();
            }
        }

        for (OutboxEntry entry : inFlight) {
            assertThat(first.notes().note(entry.noteId()).orElseThrow().comments())
                    .as("note %s", entry.noteId())
                    .isEqualTo("edited");
        }
        assertThat(first.outbox().pending()).extracting(OutboxEntry::noteId).hasSize(inFlight.size());
    }

    private static Note pushed(String id, String text) {
        return synced(id, Long.parseLong(id.substring(1)) + 1, text, "2026-11-25T10:00:01");
    }
}
