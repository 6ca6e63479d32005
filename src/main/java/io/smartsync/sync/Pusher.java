package io.smartsync.sync;

import io.smartsync.caspio.CaspioException;
import io.smartsync.note.Note;
import io.smartsync.note.OutboxEntry;
import io.smartsync.store.LocalStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the outbox to Caspio: on its own named thread, woken at once by a local write and every
 * {@code autoSyncInterval} otherwise, or on demand. Safe for use from many threads; one push cycle
 * runs at a time per instance, and the store's lease keeps other instances off the same entries. Only
 * Caspio's permanent refusal of a write, or a note whose own data cannot be written, parks an entry; any
 * other failure leaves it queued ({@link PushAlerts}).
 */
final class Pusher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pusher.class);

    private final LocalStore store;
    private final Push push;
    private final PushAlerts alerts;
    private final SyncEvents events;
    private final SyncConfig config;
    private final Clock clock;
    private final String owner;
    private final Semaphore wakeups = new Semaphore(0);
    private final ReentrantLock cycle = new ReentrantLock();
    private volatile boolean running;
    private Thread thread;

    /** Pushes one claimed entry of a stored note to Caspio ({@link NotePush}). */
    interface Push {
        void push(OutboxEntry entry, Note note);
    }

    Pusher(LocalStore store, Push push, SyncEvents events, SyncConfig config, Clock clock, String owner) {
        this.store = store;
        this.push = push;
        this.alerts = new PushAlerts(clock);
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.owner = owner;
    }

    synchronized void start() {
        if (thread == null) {
            running = true;
            thread = Thread.ofPlatform().name("smartsync-push").daemon().start(this::loop);
        }
    }

    /** Asks the loop to push now instead of at the next interval. */
    void wake() {
        wakeups.release();
    }

    private void loop() {
        while (running) {
            try {
                pushAll();
            } catch (RuntimeException e) {
                log.error("push cycle failed; the entries stay queued: {}", e.toString());
            }
            try {
                if (wakeups.tryAcquire(config.autoSyncInterval(), TimeUnit.MILLISECONDS)) {
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Pushes every entry that can be pushed now, batch by batch. A transient failure ends the cycle:
     * Caspio is struggling, and the entry stays pending for the next one.
     */
    ProcessResult pushAll() {
        cycle.lock();
        try {
            ProcessResult total = new ProcessResult(0, 0);
            int limit = config.batchSize();
            while (true) {
                Instant claimedAt = clock.instant();
                List<OutboxEntry> batch = store.claim(owner, limit, claimedAt, config.pushLease());
                if (batch.isEmpty()) {
                    forgetSettledAlerts();
                    return total;
                }
                limit = Math.min(config.batchSize(), limit * 2);
                for (int i = 0; i < batch.size(); i++) {
                    if (leaseRunningOut(claimedAt)) {
                        release(batch.subList(i, batch.size()));
                        limit = Math.max(1, i); // what fits in half a lease, for the next claim
                        break;
                    }
                    Result result = push(batch.get(i));
                    total = total.plus(result == Result.PUSHED ? new ProcessResult(1, 0) : new ProcessResult(0, 1));
                    if (result == Result.RETRY_LATER) {
                        release(batch.subList(i + 1, batch.size()));
                        forgetSettledAlerts();
                        return total;
                    }
                }
            }
        } finally {
            cycle.unlock();
        }
    }

    /**
     * Half the lease is gone: the rest of the batch goes back to the queue while this instance still holds
     * it. Pushed after its lease ran out, an entry may already be with another instance, which would create
     * the same note a second time (its first attempt there looks nothing up).
     */
    private boolean leaseRunningOut(Instant claimedAt) {
        return Duration.between(claimedAt, clock.instant())
                        .compareTo(config.pushLease().dividedBy(2))
                >= 0;
    }

    /** An entry that failed unexpectedly here and then left the queue (pushed elsewhere) no longer alerts. */
    private void forgetSettledAlerts() {
        if (alerts.any()) {
            alerts.retainQueued(store.pending().stream().map(OutboxEntry::id).toList());
        }
    }

    /** Pushes that failed unexpectedly and still wait, for {@code /health}. */
    PushAlerts alerts() {
        return alerts;
    }

    /**
     * Entries claimed but not tried go back to the queue now (after a failure of the same batch, or as the
     * lease runs short): held until their lease ran out, they would reach Caspio minutes after it answers.
     */
    private void release(List<OutboxEntry> untried) {
        for (OutboxEntry entry : untried) {
            store.recordFailure(entry, "not tried yet: released with the rest of its batch", false);
        }
    }

    private enum Result {
        PUSHED,
        RETRY_LATER,
        PARKED,
        UNEXPECTED,
        /** Held until it can be tried safely (not for its whole lease); the others go on. */
        WAITING
    }

    private Result push(OutboxEntry entry) {
        try {
            Note note = store.note(entry.noteId())
                    .orElseThrow(() -> new IllegalStateException(
                            "outbox entry " + entry.id() + " names a note that is not stored"));
            push.push(entry, note);
            alerts.settled(entry.id());
            log.info("pushed {} of note {} for member {}", entry.action().wireName(), entry.noteId(), entry.member());
            events.emit(
                    "note.pushed",
                    entry.member().value(),
                    entry.noteId(),
                    Map.of("action", entry.action().wireName()));
            return Result.PUSHED;
        } catch (CaspioException e) {
            return refusedOrRetried(entry, e);
        } catch (NotYetException e) {
            alerts.settled(entry.id());
            store.holdUntil(entry, owner, e.retryAt());
            log.info("push of note {} waits: {}", entry.noteId(), e.getMessage());
            return Result.WAITING;
        } catch (InvalidNoteException e) {
            alerts.settled(entry.id());
            return park(entry, e.getMessage(), "its own data cannot be written to Caspio");
        } catch (RuntimeException e) {
            return unexpected(entry, e);
        }
    }

    /**
     * Only Caspio's refusal of the request itself (a 4xx a retry cannot fix) parks an entry; everything
     * else Caspio does (5xx, 429, a cut connection, credentials refused) leaves it pending. A refusal made
     * here before anything was sent is our own fault, not the note's.
     */
    private Result refusedOrRetried(OutboxEntry entry, CaspioException e) {
        if (e.kind() == CaspioException.Kind.PERMANENT && e.status() >= 400 && e.status() < 500) {
            alerts.settled(entry.id());
            return park(entry, e.getMessage(), "Caspio refused it (" + e.status() + ")");
        }
        if (e.kind() == CaspioException.Kind.PERMANENT) {
            return unexpected(entry, e);
        }
        alerts.settled(entry.id());
        store.recordFailure(entry, e.getMessage(), false);
        log.warn("push of note {} failed ({}, stays pending); attempt {}", entry.noteId(), e.kind(), entry.attempts());
        events.emit(
                "note.failed",
                entry.member().value(),
                entry.noteId(),
                Map.of("action", entry.action().wireName(), "attempts", entry.attempts(), "parked", false));
        return Result.RETRY_LATER;
    }

    private Result park(OutboxEntry entry, String error, String why) {
        store.recordFailure(entry, error, true);
        log.warn("push of note {} parked: {}; attempt {}", entry.noteId(), why, entry.attempts());
        events.emit(
                "note.failed",
                entry.member().value(),
                entry.noteId(),
                Map.of("action", entry.action().wireName(), "attempts", entry.attempts(), "parked", true));
        return Result.PARKED;
    }

    /**
     * A failure nobody planned for: our own bug or the store failing. Parking would ask a person to
     * forgive a note for our fault, so the entry stays queued with its lease, which runs out and lets the
     * next cycle (here or on another instance) try again; the store is not touched, since it may be what
     * failed. Counted, logged by type and place only (a message may quote the note's text), and shown on
     * {@code /health} until it clears.
     */
    private Result unexpected(OutboxEntry entry, RuntimeException e) {
        alerts.failed(entry.id(), e);
        log.error(
                "push of {} of note {} failed unexpectedly; it stays queued and is tried again once its lease"
                        + " ({} ms) runs out: {}",
                entry.action().wireName(),
                entry.noteId(),
                config.pushLease().toMillis(),
                describe(e));
        events.emit(
                "note.failed",
                entry.member().value(),
                entry.noteId(),
                Map.of(
                        "action",
                        entry.action().wireName(),
                        "attempts",
                        entry.attempts(),
                        "parked",
                        false,
                        "unexpected",
                        true));
        return Result.UNEXPECTED;
    }

    /** The exception types of the chain and where each was thrown: no message, which may hold note text. */
    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 2_000; t = t.getCause() == t ? null : t.getCause()) {
            if (!b.isEmpty()) {
                b.append(" <- caused by ");
            }
            b.append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(3, frames.length); i++) {
                b.append(i == 0 ? " at " : ", ").append(frames[i]);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(config.syncTimeoutMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
