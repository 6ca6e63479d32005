package io.smartsync.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smartsync.sync.QueueState;
import io.smartsync.sync.SyncEvent;
import io.smartsync.sync.SyncReports;
import io.smartsync.sync.SyncService;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The service's own meters: the queue (depth, parked entries, age of the oldest pending entry, read at
 * each scrape) and what the sync engine reports (sync durations, pushes, conflicts, failures). Tags are
 * kinds and outcomes, never a member or a note. Thread-safe.
 */
final class ServiceMeters implements AutoCloseable {
    private final AutoCloseable listening;

    private ServiceMeters(AutoCloseable listening) {
        this.listening = listening;
    }

    static ServiceMeters bind(MeterRegistry registry, SyncService sync, SyncReports reports, Clock clock) {
        Gauge.builder("smartsync.queue.pending", reports, r -> r.queue().pending())
                .description("writes waiting to be pushed to Caspio")
                .register(registry);
        Gauge.builder("smartsync.queue.failed", reports, r -> r.queue().failed())
                .description("writes parked by a permanent failure, waiting for a person")
                .register(registry);
        Gauge.builder("smartsync.queue.oldest.age", reports, r -> oldestAge(r.queue(), clock))
                .description("how long the oldest pending write has waited")
                .baseUnit("seconds")
                .register(registry);
        AutoCloseable listening = sync.events().listen(e -> count(registry, e));
        return new ServiceMeters(listening);
    }

    private static double oldestAge(QueueState q, Clock clock) {
        return q.oldestPendingAt() == null
                ? 0
                : Math.max(
                        0,
                        Duration.between(q.oldestPendingAt(), clock.instant()).toMillis() / 1000.0);
    }

    private static void count(MeterRegistry registry, SyncEvent e) {
        switch (e.type()) {
            case SYNC_FINISHED ->
                Timer.builder("smartsync.sync.duration")
                        .description("member syncs, by type and outcome")
                        .tag("type", String.valueOf(e.counts().get("type")))
                        .tag("outcome", outcome(e))
                        .register(registry)
                        .record(((Number) e.counts().getOrDefault("ms", 0)).longValue(), TimeUnit.MILLISECONDS);
            case NOTE_PUSHED ->
                Counter.builder("smartsync.push")
                        .tag("action", String.valueOf(e.counts().get("action")))
                        .tag("outcome", "ok")
                        .register(registry)
                        .increment();
            case NOTE_FAILED ->
                Counter.builder("smartsync.push")
                        .tag("action", String.valueOf(e.counts().get("action")))
                        .tag(
                                "outcome",
                                Boolean.TRUE.equals(e.counts().get("parked"))
                                        ? "parked"
                                        : Boolean.TRUE.equals(e.counts().get("unexpected")) ? "unexpected" : "retry")
                        .register(registry)
                        .increment();
            case CONFLICT ->
                Counter.builder("smartsync.conflicts")
                        .tag("outcome", String.valueOf(e.counts().get("outcome")))
                        .register(registry)
                        .increment();
            case SYNC_STARTED, SYNC_PROGRESS, SYNC_DELETED, MEMBER_CHANGED, ONLINE, OFFLINE -> {
                // for live views; the breaker state is on /health
            }
        }
    }

    /** "ok" or the failure's kind, without the detail that follows it. */
    private static String outcome(SyncEvent e) {
        String o = String.valueOf(e.counts().get("outcome"));
        return o.startsWith("failed") ? "failed" : o;
    }

    @Override
    public void close() {
        Closing.quietly(listening);
    }
}
