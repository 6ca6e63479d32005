package io.smartsync.sync;

import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.CaspioException;
import io.smartsync.caspio.NoteFields;
import io.smartsync.caspio.NoteRowMapper;
import io.smartsync.caspio.Where;
import io.smartsync.note.Note;
import io.smartsync.note.OutboxAction;
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
    private final CaspioClient caspio;
    private final NoteRowMapper mapper;
    private final SyncConfig config;
    private final Clock clock;
    private final String owner;
    private final Semaphore wakeups = new Semaphore(0);
    private final ReentrantLock cycle = new ReentrantLock();
    private volatile boolean running;
    private Thread thread;

    Pusher(LocalStore store, CaspioClient caspio, NoteRowMapper mapper, SyncConfig config, Clock clock, String owner) {
        this.store = store;
        this.caspio = caspio;
        this.mapper = mapper;
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
                for (OutboxEntry entry : batch) {
                    boolean ok = push(entry);
                    total = total.plus(ok ? new ProcessResult(1, 0) : new ProcessResult(0, 1));
                    if (!ok) {
                        return total;
                    }
                }
            }
        } finally {
            cycle.unlock();
        }
    }

    private boolean push(OutboxEntry entry) {
        try {
            Optional<Note> note = store.note(entry.noteId());
            if (note.isEmpty()) {
                throw new IllegalStateException("outbox entry " + entry.id() + " names a note that is not stored");
            }
            if (entry.action() != OutboxAction.CREATE) {
                throw new UnsupportedOperationException(entry.action().wireName() + " is not pushed yet");
            }
            store.completePush(entry, mapper.fromRow(create(entry, note.get())));
            log.info("pushed {} of note {} for member {}", entry.action().wireName(), entry.noteId(), entry.member());
            return true;
        } catch (CaspioException e) {
            boolean permanent = !e.retryable();
            store.recordFailure(entry, e.getMessage(), permanent);
            log.warn(
                    "push of note {} failed ({}{}); attempt {}",
                    entry.noteId(),
                    e.kind(),
                    permanent ? ", parked" : ", stays pending",
                    entry.attempts());
            return false;
        } catch (RuntimeException e) {
            store.recordFailure(entry, e.getMessage(), true);
            log.error("push of note {} failed permanently: {}", entry.noteId(), e.toString());
            return false;
        }
    }

    /**
     * Creates the row unless an earlier attempt already did: after any earlier attempt the answer may
     * have been lost, so the sync id is looked up first and an existing row is adopted.
     */
    private Map<String, Object> create(OutboxEntry entry, Note note) {
        NoteFields f = mapper.fields();
        if (entry.attempts() > 1) {
            List<Map<String, Object>> existing = caspio.select(f.table(), Where.eq(f.syncId(), note.noteId()), null, 2);
            if (!existing.isEmpty()) {
                log.info("note {} was already created by an earlier attempt; adopting its row", note.noteId());
                return existing.getFirst();
            }
        }
        return caspio.insert(f.table(), mapper.toCreateFields(note));
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
