package io.smartsync.sync;

import io.smartsync.caspio.CaspioException;
import io.smartsync.note.OutboxEntry;
import io.smartsync.store.Store;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges a push that failed: only Caspio's permanent refusal of a write, or a note whose own data cannot be
 * written, parks the entry; a failure Caspio may get over leaves it pending; one nobody planned for leaves
 * it queued and alerts ({@link PushAlerts}). Safe for use from many threads, as the pushes are.
 */
final class PushFailures {
    /** Its lines are the pusher's, as they were before this part had its own class. */
    private static final Logger log = LoggerFactory.getLogger(Pusher.class);

    private final Store store;
    private final PushAlerts alerts;
    private final SyncEvents events;
    private final SyncConfig config;
    private final String owner;

    PushFailures(Store store, PushAlerts alerts, SyncEvents events, SyncConfig config, String owner) {
        this.store = store;
        this.alerts = alerts;
        this.events = events;
        this.config = config;
        this.owner = owner;
    }

    /** What becomes of an entry whose push failed with {@code e}, and the lines and events that say so. */
    Pusher.Result notPushed(OutboxEntry entry, RuntimeException e) {
        return switch (e) {
            case CaspioException c -> refusedOrRetried(entry, c);
            case NotYetException n -> {
                alerts.settled(entry.id());
                store.outbox().holdUntil(entry, owner, n.retryAt());
                log.info("push of note {} waits: {}", entry.noteId(), n.getMessage());
                yield Pusher.Result.WAITING;
            }
            case InvalidNoteException i -> {
                alerts.settled(entry.id());
                yield park(entry, i.getMessage(), "its own data cannot be written to Caspio");
            }
            default -> unexpected(entry, e);
        };
    }

    /**
     * Only Caspio's refusal of the request itself (a 4xx a retry cannot fix) parks an entry; everything
     * else Caspio does (5xx, 429, a cut connection, credentials refused) leaves it pending. A refusal made
     * here before anything was sent is our own fault, not the note's.
     */
    private Pusher.Result refusedOrRetried(OutboxEntry entry, CaspioException e) {
        if (e.kind() == CaspioException.Kind.PERMANENT && e.status() >= 400 && e.status() < 500) {
            alerts.settled(entry.id());
            return park(entry, e.getMessage(), "Caspio refused it (" + e.status() + ")");
        }
        if (e.kind() == CaspioException.Kind.PERMANENT) {
            return unexpected(entry, e);
        }
        alerts.settled(entry.id());
        store.outbox().recordFailure(entry, e.getMessage(), false);
        log.warn("push of note {} failed ({}, stays pending); attempt {}", entry.noteId(), e.kind(), entry.attempts());
        failed(entry, false);
        return Pusher.Result.RETRY_LATER;
    }

    private Pusher.Result park(OutboxEntry entry, String error, String why) {
        store.outbox().recordFailure(entry, error, true);
        log.warn("push of note {} parked: {}; attempt {}", entry.noteId(), why, entry.attempts());
        failed(entry, true);
        return Pusher.Result.PARKED;
    }

    /** The event of a push that failed and was not unexpected: whether the entry was parked. */
    private void failed(OutboxEntry entry, boolean parked) {
        events.emit(
                SyncEvent.Type.NOTE_FAILED,
                entry.member().value(),
                entry.noteId(),
                Map.of("action", entry.action().wireName(), "attempts", entry.attempts(), "parked", parked));
    }

    /**
     * A failure nobody planned for: our own bug or the store failing. Parking would ask a person to
     * forgive a note for our fault, so the entry stays queued with its lease, which runs out and lets the
     * next cycle (here or on another instance) try again; the store is not touched, since it may be what
     * failed. Counted, logged by type and place only (a message may quote the note's text), and shown on
     * {@code /health} until it clears.
     */
    private Pusher.Result unexpected(OutboxEntry entry, RuntimeException e) {
        alerts.failed(entry.id(), e);
        log.error(
                "push of {} of note {} failed unexpectedly; it stays queued and is tried again once its lease"
                        + " ({} ms) runs out: {}",
                entry.action().wireName(),
                entry.noteId(),
                config.pushLease().toMillis(),
                describe(e));
        events.emit(
                SyncEvent.Type.NOTE_FAILED,
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
        return Pusher.Result.UNEXPECTED;
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
}
