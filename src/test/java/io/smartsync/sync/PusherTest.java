package io.smartsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.smartsync.caspio.CaspioException;
import io.smartsync.emulator.MutableClock;
import io.smartsync.note.Author;
import io.smartsync.note.CaspioRow;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.OutboxEntry;
import io.smartsync.note.SyncState;
import io.smartsync.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Which push failures park an entry: only Caspio's refusal of the write and a note whose own data the table
 * cannot hold. Anything else (our bug, the store failing) leaves it queued, counted and alerting until it
 * clears, and its log line never quotes the note.
 */
class PusherTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String TEXT = "private words about the member";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong pks = new AtomicLong();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Store store;
    private Pusher pusher;

    @BeforeEach
    void open() {
        store = Store.openSqlite(dir.resolve("smartsync.db"), clock);
        Pusher.Push push = (entry, note) -> {
            RuntimeException e = failure.get();
            if (e != null) {
                throw e;
            }
            store.outbox().completePush(entry, inCaspio(note));
        };
        SyncConfig config = SyncConfig.builder().pushLease(LEASE).build();
        pusher = new Pusher(store, push, new SyncEvents(clock), config, clock, "test-instance");
        logged.start();
        ((Logger) LoggerFactory.getLogger(Pusher.class)).addAppender(logged);
        store.notes().writeLocal(local("n1"), OutboxAction.CREATE, 100);
    }

    @AfterEach
    void close() {
        ((Logger) LoggerFactory.getLogger(Pusher.class)).detachAppender(logged);
        store.close();
    }

    @Test
    void an_unexpected_failure_leaves_the_entry_queued_and_alerts_until_it_is_pushed() {
        // Given a bug in the push that even quotes the note in its message
        failure.set(new IllegalStateException("bug while pushing " + TEXT));

        // When the pusher runs
        pusher.pushAll();

        // Then nothing is parked: the entry waits, counted and shown as an alert, and the log has no note text
        assertThat(store.outbox().failed()).isEmpty();
        assertThat(store.outbox().pending()).extracting(OutboxEntry::noteId).containsExactly("n1");
        PushAlerts.Snapshot alert = pusher.alerts().snapshot();
        assertThat(alert.alert()).isTrue();
        assertThat(alert.unexpectedTotal()).isEqualTo(1);
        assertThat(alert.error()).isEqualTo(IllegalStateException.class.getName());
        assertThat(logged.list).isNotEmpty();
        assertThat(logged.list).noneMatch(e -> e.getFormattedMessage().contains(TEXT));

        // When the bug is gone and the entry's lease has run out
        failure.set(null);
        clock.advance(LEASE.plusSeconds(1));
        pusher.pushAll();

        // Then it is pushed and the alert clears; the count stays
        assertThat(store.outbox().pending()).isEmpty();
        assertThat(store.outbox().failed()).isEmpty();
        assertThat(pusher.alerts().snapshot().alert()).isFalse();
        assertThat(pusher.alerts().snapshot().unexpectedTotal()).isEqualTo(1);
    }

    @Test
    void while_caspios_calls_are_paused_nothing_is_claimed_or_counted_as_an_attempt() {
        // Given Caspio's circuit breaker open for another 20 s
        AtomicReference<Duration> paused = new AtomicReference<>(Duration.ofSeconds(20));
        List<String> sent = new ArrayList<>();
        Pusher.Push push = new Pusher.Push() {
            @Override
            public void push(OutboxEntry entry, Note note) {
                sent.add(note.noteId());
                store.outbox().completePush(entry, inCaspio(note));
            }

            @Override
            public Duration pausedFor() {
                return paused.get();
            }
        };
        Pusher waiting = new Pusher(
                store, push, new SyncEvents(clock), SyncConfig.builder().build(), clock, "test-instance");

        // When staff write meanwhile, and each write starts a push cycle
        store.notes().writeLocal(local("n2"), OutboxAction.CREATE, 100);
        waiting.pushAll();
        waiting.pushAll();

        // Then no entry was sent, claimed or charged an attempt
        assertThat(sent).isEmpty();
        assertThat(store.outbox().pending())
                .extracting(OutboxEntry::noteId, OutboxEntry::attempts)
                .containsExactlyInAnyOrder(tuple("n1", 0), tuple("n2", 0));

        // When the pause ends, the next cycle sends both
        paused.set(Duration.ZERO);
        waiting.pushAll();
        assertThat(sent).containsExactlyInAnyOrder("n1", "n2");
        assertThat(store.outbox().pending()).isEmpty();
    }

    @Test
    void caspio_refusing_the_write_parks_the_entry_without_an_alert() {
        failure.set(caspio(CaspioException.Kind.PERMANENT, 400));

        pusher.pushAll();

        assertThat(store.outbox().failed()).extracting(OutboxEntry::noteId).containsExactly("n1");
        assertThat(pusher.alerts().snapshot().alert()).isFalse();
    }

    @Test
    void a_note_whose_own_data_caspio_cannot_hold_is_parked() {
        failure.set(new InvalidNoteException("n1", new NumberFormatException()));

        pusher.pushAll();

        assertThat(store.outbox().failed()).extracting(OutboxEntry::noteId).containsExactly("n1");
    }

    @Test
    void caspio_failing_for_a_while_or_refusing_the_credentials_parks_nothing() {
        for (CaspioException e : new CaspioException[] {
            caspio(CaspioException.Kind.TRANSIENT, 503),
            caspio(CaspioException.Kind.AMBIGUOUS, 0),
            caspio(CaspioException.Kind.AUTH, 401)
        }) {
            failure.set(e);

            pusher.pushAll();

            assertThat(store.outbox().failed()).as(e.kind().name()).isEmpty();
            assertThat(store.outbox().pending()).as(e.kind().name()).hasSize(1);
        }
        assertThat(pusher.alerts().snapshot().alert()).isFalse();
    }

    @Test
    void a_refusal_made_here_before_anything_was_sent_is_our_fault_and_alerts_instead_of_parking() {
        failure.set(caspio(CaspioException.Kind.PERMANENT, 0));

        pusher.pushAll();

        assertThat(store.outbox().failed()).isEmpty();
        assertThat(pusher.alerts().snapshot().alert()).isTrue();
    }

    @Test
    void a_push_slower_than_its_lease_keeps_its_entry_while_the_heartbeat_renews_it() {
        // Given a short lease renewed every heartbeat, on the real clock, and a push that lasts several leases
        Duration lease = Duration.ofMillis(300);
        Clock real = Clock.systemUTC();
        List<String> takenElsewhere = new ArrayList<>();
        Pusher slow = new Pusher(
                store,
                (entry, note) -> {
                    // While it runs, another instance keeps trying to claim (longer than three leases)
                    await().during(lease.multipliedBy(4))
                            .atMost(lease.multipliedBy(8))
                            .pollInterval(Duration.ofMillis(25))
                            .until(() -> {
                                store.outbox()
                                        .claim("other-instance", 10, real.instant(), lease)
                                        .forEach(e -> takenElsewhere.add(e.noteId()));
                                return takenElsewhere.isEmpty();
                            });
                    store.outbox().completePush(entry, inCaspio(note));
                },
                new SyncEvents(real),
                SyncConfig.builder()
                        .pushLease(lease)
                        .pushHeartbeat(lease.dividedBy(3))
                        .build(),
                real,
                "test-instance");

        // When the pusher runs
        slow.pushAll();

        // Then the other instance never got the entry (it would have created the note a second time)
        assertThat(takenElsewhere).isEmpty();
        assertThat(store.outbox().pending()).isEmpty();
    }

    @Test
    void an_instance_that_starts_again_takes_back_its_own_claims_and_no_other() {
        // Given claims left by this instance's earlier run (it died mid-push) and a claim another instance holds
        store.notes().writeLocal(local("n2"), OutboxAction.CREATE, 100);
        store.outbox().claim("test-instance", 1, clock.instant(), LEASE);
        store.outbox().claim("other-instance", 1, clock.instant(), LEASE);
        List<String> pushed = new ArrayList<>();
        Pusher restarted = new Pusher(
                store,
                (entry, note) -> {
                    pushed.add(entry.noteId());
                    store.outbox().completePush(entry, inCaspio(note));
                },
                new SyncEvents(clock),
                SyncConfig.builder().pushLease(LEASE).autoSyncInterval(60_000).build(),
                clock,
                "test-instance");

        // When this instance starts again, well within the lease
        restarted.start();

        // Then it pushes its own entry at once; the other instance's stays with it
        await().atMost(Duration.ofSeconds(10)).until(() -> pushed.contains("n1"));
        restarted.close();
        assertThat(pushed).containsExactly("n1");
        assertThat(store.outbox().pending()).extracting(OutboxEntry::noteId).containsExactly("n2");
    }

    @Test
    void a_later_write_of_a_note_waits_while_its_earlier_one_is_with_another_instance() {
        // Given the note's create claimed by another instance, and an edit of the same note queued after it
        store.outbox().claim("other-instance", 10, clock.instant(), LEASE);
        store.notes().writeLocal(local("n1"), OutboxAction.UPDATE, 100);
        List<OutboxAction> pushed = new ArrayList<>();
        Pusher watched = new Pusher(
                store,
                (entry, note) -> pushed.add(entry.action()),
                new SyncEvents(clock),
                SyncConfig.builder().pushLease(LEASE).build(),
                clock,
                "test-instance");

        // When this instance pushes
        watched.pushAll();

        // Then it leaves the edit alone: pushed first, it would reach Caspio before the row exists
        assertThat(pushed).isEmpty();
    }

    private static CaspioException caspio(CaspioException.Kind kind, int status) {
        return CaspioException.answered(kind, "test failure", status, "req-1", null);
    }

    private static Note local(String id) {
        return Note.written(id, MemberId.of("CL000001"), NoteContent.of(TEXT), new Author("u1", "User One"), NOW);
    }

    private Note inCaspio(Note n) {
        return n.withCaspio(new CaspioRow(pks.incrementAndGet(), NOW, "2026-12-01T10:00:00"))
                .withSyncState(SyncState.SYNCED);
    }
}
