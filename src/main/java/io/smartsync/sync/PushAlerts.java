package io.smartsync.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pushes that failed in a way nobody planned for (our own bug, a store error): the entry stays queued,
 * and the failure is counted and shown as an alert until that entry's next attempt goes another way or
 * the entry leaves the queue. Knows entry ids and exception types only, never a note's text.
 * Thread-safe.
 */
public final class PushAlerts {
    private final Clock clock;
    private final AtomicLong total = new AtomicLong();
    private final Map<Long, Failure> open = new LinkedHashMap<>();

    private record Failure(Instant at, String error) {}

    /**
     * What {@code /health} and the dashboard show.
     *
     * @param unexpectedTotal unexpected push failures since this instance started
     * @param entries entries whose last attempt here failed unexpectedly and that are still queued
     * @param since when the oldest of those failed; null without any
     * @param error the exception type of the newest of those; null without any
     */
    public record Snapshot(long unexpectedTotal, int entries, Instant since, String error) {
        public boolean alert() {
            return entries > 0;
        }
    }

    PushAlerts(Clock clock) {
        this.clock = clock;
    }

    void failed(long entryId, Throwable error) {
        total.incrementAndGet();
        synchronized (open) {
            open.remove(entryId); // re-inserted last: the newest failure names the error
            open.put(entryId, new Failure(clock.instant(), error.getClass().getName()));
        }
    }

    /** The entry's attempt went another way: pushed, parked, or left for Caspio to recover. */
    void settled(long entryId) {
        synchronized (open) {
            open.remove(entryId);
        }
    }

    /** Forgets entries no longer queued (pushed by another instance, say). */
    void retainQueued(Collection<Long> queued) {
        Set<Long> keep = new HashSet<>(queued);
        synchronized (open) {
            open.keySet().retainAll(keep);
        }
    }

    boolean any() {
        synchronized (open) {
            return !open.isEmpty();
        }
    }

    public Snapshot snapshot() {
        synchronized (open) {
            Instant since = open.values().stream()
                    .map(Failure::at)
                    .min(Instant::compareTo)
                    .orElse(null);
            String error = open.values().stream()
                    .reduce((a, b) -> b)
                    .map(Failure::error)
                    .orElse(null);
            return new Snapshot(total.get(), open.size(), since, error);
        }
    }
}
