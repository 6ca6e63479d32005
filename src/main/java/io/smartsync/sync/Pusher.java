package io.smartsync.sync;

import io.smartsync.caspio.CaspioException;
import io.smartsync.note.Note;
import io.smartsync.note.OutboxEntry;
import io.smartsync.store.LocalStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the outbox to Caspio: on its own named thread, woken at once by a local write and every
 * {@code autoSyncInterval} otherwise, or on demand. Safe for use from many threads; one push cycle
 * runs at a time per instance, and the store's lease keeps other instances off the same entries.
 */
final class Pusher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pusher.class);

    private final LocalStore store;
    private final NotePush notePush;
    private final SyncEvents events;
    private final SyncConfig config;
    private final Clock clock;
    private final String owner;
    private final Semaphore wakeups = new Semaphore(0);
    private final ReentrantLock cycle = new ReentrantLock();
    private volatile boolean running;
    private Thread thread;

    Pusher(LocalStore store, NotePush notePush, SyncEvents events, SyncConfig config, Clock clock, String owner) {
        this.store = store;
        this.notePush = notePush;
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
            while (true) {
                List<OutboxEntry> batch = store.claim(owner, config.batchSize(), clock.instant(), config.pushLease());
                if (batch.isEmpty()) {
                    return total;
                }
                for (int i = 0; i < batch.size(); i++) {
                    Result result = push(batch.get(i));
                    total = total.plus(result == Result.PUSHED ? new ProcessResult(1, 0) : new ProcessResult(0, 1));
                    if (result == Result.RETRY_LATER) {
                        release(batch.subList(i + 1, batch.size()));
                        return total;
                    }
                }
            }
        } finally {
            cycle.unlock();
        }
    }

    /**
     * Entries claimed with the one that failed but not tried go back to the queue now: held until their
     * lease ran out, they would reach Caspio minutes after it answers again.
     */
    private void release(List<OutboxEntry> untried) {
        for (OutboxEntry entry : untried) {
            store.recordFailure(entry, "not tried: Caspio failed on an earlier write of the same batch", false);
        }
    }

    private enum Result {
        PUSHED,
        RETRY_LATER,
        PARKED
    }

    private Result push(OutboxEntry entry) {
        try {
            Optional<Note> note = store.note(entry.noteId());
            if (note.isEmpty()) {
                throw new IllegalStateException("outbox entry " + entry.id() + " names a note that is not stored");
            }
            notePush.push(entry, note.get());
            log.info("pushed {} of note {} for member {}", entry.action().wireName(), entry.noteId(), entry.member());
            events.emit(
                    "note.pushed",
                    entry.member().value(),
                    entry.noteId(),
                    Map.of("action", entry.action().wireName()));
            return Result.PUSHED;
        } catch (CaspioException e) {
            boolean permanent = !e.retryable();
            store.recordFailure(entry, e.getMessage(), permanent);
            log.warn(
                    "push of note {} failed ({}{}); attempt {}",
                    entry.noteId(),
                    e.kind(),
                    permanent ? ", parked" : ", stays pending",
                    entry.attempts());
            events.emit(
                    "note.failed",
                    entry.member().value(),
                    entry.noteId(),
                    Map.of("action", entry.action().wireName(), "attempts", entry.attempts(), "parked", permanent));
            return permanent ? Result.PARKED : Result.RETRY_LATER;
        } catch (RuntimeException e) {
            store.recordFailure(entry, e.getMessage(), true);
            log.error("push of note {} failed permanently: {}", entry.noteId(), e.toString());
            events.emit(
                    "note.failed",
                    entry.member().value(),
                    entry.noteId(),
                    Map.of("action", entry.action().wireName(), "attempts", entry.attempts(), "parked", true));
            return Result.PARKED;
        }
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
