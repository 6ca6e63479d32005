package io.smartsync.sync;

import io.smartsync.note.Note;
import io.smartsync.note.OutboxEntry;
import io.smartsync.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the outbox to Caspio: on its own named thread, woken at once by a local write and every
 * {@code autoSyncInterval} otherwise, or on demand. Safe for use from many threads; one push cycle
 * runs at a time per instance, pushing up to {@code pushConcurrency} notes at once on virtual threads.
 * The store's claim gives out only the oldest entry of each note, so a note never has two writes in
 * flight; its lease, renewed by a heartbeat while the push runs, keeps other instances off the entry. What
 * becomes of a push that fails is {@link PushFailures}' to judge.
 */
final class Pusher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pusher.class);
    private static final ProcessResult PUSHED_ONE = new ProcessResult(1, 0);
    private static final ProcessResult FAILED_ONE = new ProcessResult(0, 1);

    private final Store store;
    private final Push push;
    private final PushAlerts alerts;
    private final PushFailures failures;
    private final SyncEvents events;
    private final SyncConfig config;
    private final Clock clock;
    private final String owner;
    private final Semaphore wakeups = new Semaphore(0);
    private final ReentrantLock cycle = new ReentrantLock();
    /** The entries whose push runs now, renewed by the heartbeat. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    /** What the running cycle waits on: pushes that ended, and wake-ups; null between cycles. */
    private volatile BlockingQueue<Optional<Result>> signals;

    private volatile boolean active;
    /** Set when the service stops: no entry is claimed any more, and a push cut short is no failure. */
    private volatile boolean stopping;

    private Thread thread;

    /** Pushes one claimed entry of a stored note to Caspio ({@link NotePush}). */
    interface Push {
        void push(OutboxEntry entry, Note note);

        /**
         * How long Caspio's calls stay paused (its circuit breaker is open): no entry is claimed meanwhile,
         * so an outage does not claim, fail and write back the same entries at every local write.
         */
        default Duration pausedFor() {
            return Duration.ZERO;
        }
    }

    Pusher(Store store, Push push, SyncEvents events, SyncConfig config, Clock clock, String owner) {
        this.store = store;
        this.push = push;
        this.alerts = new PushAlerts(clock);
        this.failures = new PushFailures(store, alerts, events, config, owner);
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.owner = owner;
    }

    synchronized void start() {
        if (thread == null) {
            releaseOwnClaims();
            active = true;
            thread = Thread.ofPlatform().name("smartsync-push").daemon().start(this::loop);
        }
    }

    /** Asks the loop to push now instead of at the next interval; a cycle running claims again at once. */
    void wake() {
        wakeups.release();
        BlockingQueue<Optional<Result>> cycleSignals = signals;
        if (cycleSignals != null) {
            cycleSignals.add(Optional.empty());
        }
    }

    private void loop() {
        while (active) {
            try {
                pushAll();
            } catch (RuntimeException e) {
                log.error("push cycle failed; the entries stay queued: {}", e.toString());
            }
            try {
                // While Caspio's calls are paused, the next cycle runs when the pause ends, not an interval later.
                long paused = push.pausedFor().toMillis();
                long wait = paused > 0 ? Math.min(config.autoSyncInterval(), paused + 1) : config.autoSyncInterval();
                if (wakeups.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Pushes every entry that can be pushed now, up to {@code pushConcurrency} notes at a time: a slot
     * that frees up, or a new local write, claims the next entries at once, so a note's follow-up write
     * (claimable only once its earlier one settled) goes out as soon as it may. A transient failure stops
     * the claiming: Caspio is struggling, and the entry stays pending for the next cycle; the pushes
     * already running finish.
     */
    ProcessResult pushAll() {
        cycle.lock();
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("smartsync-push-heartbeat").factory());
        try (ExecutorService workers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("smartsync-push-", 0).factory())) {
            long every = config.pushHeartbeat().toMillis();
            heartbeat.scheduleWithFixedDelay(this::renewRunning, every, every, TimeUnit.MILLISECONDS);
            signals = new LinkedBlockingQueue<>();
            ProcessResult total = pushWith(workers, signals);
            forgetSettledAlerts();
            return total;
        } finally {
            signals = null;
            heartbeat.shutdownNow();
            cycle.unlock();
        }
    }

    /** Claims while slots are free; each push that ends, or a wake-up (empty), is a signal to claim again. */
    private ProcessResult pushWith(ExecutorService workers, BlockingQueue<Optional<Result>> settled) {
        ProcessResult total = new ProcessResult(0, 0);
        int inFlight = 0;
        boolean claiming = true;
        while (true) {
            int free = config.pushConcurrency() - inFlight;
            if (claiming && !stopping && free > 0 && push.pausedFor().isZero()) {
                int want = Math.min(config.batchSize(), free);
                List<OutboxEntry> batch = store.outbox().claim(owner, want, clock.instant(), config.pushLease());
                for (OutboxEntry entry : batch) {
                    running.add(entry.id());
                    workers.execute(() -> settled.add(Optional.of(pushRunning(entry))));
                }
                inFlight += batch.size();
                if (batch.size() == want && inFlight < config.pushConcurrency()) {
                    continue; // a full batch: more may be waiting
                }
            }
            if (inFlight == 0) {
                return total;
            }
            try {
                Optional<Result> signal = settled.take();
                do {
                    if (signal.isPresent()) {
                        inFlight--;
                        total = total.plus(signal.get() == Result.PUSHED ? PUSHED_ONE : FAILED_ONE);
                        claiming &= signal.get() != Result.RETRY_LATER;
                    }
                } while ((signal = settled.poll()) != null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return total; // closing: the pushes still running are cut, their claims lapse or come back at start
            }
        }
    }

    private Result pushRunning(OutboxEntry entry) {
        try {
            return push(entry);
        } catch (Error e) {
            log.error("push of note {} failed: {}", entry.noteId(), PushFailures.describe(e));
            return Result.UNEXPECTED;
        } finally {
            running.remove(entry.id());
        }
    }

    /**
     * The heartbeat: the claims of the pushes still running are renewed every {@code pushHeartbeat}, so a
     * push slower than the lease keeps its entry, while a dead instance's claims lapse within one lease.
     */
    private void renewRunning() {
        List<Long> ids = List.copyOf(running);
        if (ids.isEmpty()) {
            return;
        }
        try {
            store.outbox().renewClaims(owner, ids, clock.instant().plus(config.pushLease()));
        } catch (RuntimeException e) {
            log.warn("could not renew the claims of {} running pushes: {}", ids.size(), e.toString());
        }
    }

    /**
     * Takes back the claims an earlier run of this instance (same owner) left when it stopped or died: no
     * push of them is running any more, so they need not wait for their lease.
     */
    private void releaseOwnClaims() {
        int released = store.outbox().releaseClaims(owner);
        if (released > 0) {
            log.info("took back {} outbox entries claimed by this instance before it restarted", released);
        }
    }

    /** An entry that failed unexpectedly here and then left the queue (pushed elsewhere) no longer alerts. */
    private void forgetSettledAlerts() {
        if (alerts.any()) {
            alerts.retainQueued(
                    store.outbox().pending().stream().map(OutboxEntry::id).toList());
        }
    }

    /** Pushes that failed unexpectedly and still wait, for {@code /health}. */
    PushAlerts alerts() {
        return alerts;
    }

    /** How one push ended. */
    enum Result {
        PUSHED,
        RETRY_LATER,
        PARKED,
        UNEXPECTED,
        /** Held until it can be tried safely (not for its whole lease); the others go on. */
        WAITING,
        /** Interrupted by the service stopping; stays queued. */
        CUT
    }

    private Result push(OutboxEntry entry) {
        try {
            Note note = store.notes()
                    .note(entry.noteId())
                    .orElseThrow(() -> new IllegalStateException(
                            "outbox entry " + entry.id() + " names a note that is not stored"));
            push.push(entry, note);
            alerts.settled(entry.id());
            log.info("pushed {} of note {} for member {}", entry.action().wireName(), entry.noteId(), entry.member());
            events.emit(
                    SyncEvent.Type.NOTE_PUSHED,
                    entry.member().value(),
                    entry.noteId(),
                    Map.of("action", entry.action().wireName()));
            return Result.PUSHED;
        } catch (RuntimeException e) {
            return cutByStop() ? cut(entry) : failures.notPushed(entry, e);
        }
    }

    /** True on a push the stopping service interrupted: whatever failed, it failed because of the cut. */
    private boolean cutByStop() {
        return stopping && Thread.currentThread().isInterrupted();
    }

    /**
     * A push the stopping service cut short is no failure of the note: its entry stays queued and claimed
     * by this instance, which takes the claim back when it starts again (another instance after the lease).
     */
    private Result cut(OutboxEntry entry) {
        log.debug("push of note {} cut short by the stop; it stays queued", entry.noteId());
        return Result.CUT;
    }

    /**
     * Stops taking work: no entry is claimed any more and no cycle starts; the pushes already running
     * go on until {@link #awaitStopped} or {@link #cut}.
     */
    void stopClaiming() {
        synchronized (this) {
            stopping = true;
            active = false;
        }
        wake();
    }

    /** Waits until the running pushes have ended, or {@code deadline} ({@link System#nanoTime}) has passed. */
    boolean awaitStopped(long deadline) {
        Thread t = loopThread();
        if (t == null) {
            return true;
        }
        try {
            t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    /**
     * Interrupts the pushes still running (their entries stay queued) and waits up to {@code unwind} for
     * them to end; answers how many were running.
     */
    int cut(Duration unwind) {
        int left = running.size();
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(unwind);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return left;
    }

    private synchronized Thread loopThread() {
        return thread;
    }

    /** Stops in order: no new claims, the running pushes get {@code syncTimeoutMs}, then the rest is cut. */
    @Override
    public void close() {
        stopClaiming();
        awaitStopped(
                System.nanoTime() + Duration.ofMillis(config.syncTimeoutMs()).toNanos());
        cut(Duration.ofMillis(config.syncTimeoutMs()));
    }
}
