package io.smartsync.http;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smartsync.sync.PollWatch;
import io.smartsync.sync.PushAlerts;
import io.smartsync.sync.QueueState;
import io.smartsync.sync.SyncReports;
import io.smartsync.sync.SyncService;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Liveness, readiness and Prometheus metrics. Ready means the store answers: reads and local writes go on
 * while Caspio is offline, so an open breaker only makes the service "degraded". Counts, never ids of
 * notes or members; it names this instance and the one that runs the global poll (on a shared
 * PostgreSQL store the role moves to another instance when that one dies).
 */
final class HealthRoutes {
    private final SyncService sync;
    private final SyncReports reports;
    private final PrometheusMeterRegistry meters;
    private final Clock clock;
    private final BooleanSupplier started;

    HealthRoutes(
            SyncService sync,
            SyncReports reports,
            PrometheusMeterRegistry meters,
            Clock clock,
            BooleanSupplier started) {
        this.sync = sync;
        this.reports = reports;
        this.meters = meters;
        this.clock = clock;
        this.started = started;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/health", Access.OPEN, this::health),
                Route.get("/health/live", Access.OPEN, ctx -> ctx.json(Map.of("status", "up"))),
                Route.get("/health/ready", Access.OPEN, this::ready),
                Route.get("/metrics", Access.STAFF, this::prometheus));
    }

    private void health(Context ctx) {
        boolean store = reports.storeReachable();
        boolean caspio = reports.caspioOnline();
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("store", store ? "up" : "down");
        checks.put("caspio", caspio ? "online" : "offline");
        checks.put("breaker", reports.breakerState());
        checks.put("queue", store ? queue(reports.queue()) : null);
        PollWatch.State poll = sync.pollState();
        checks.put("poll", poll(poll));
        PushAlerts.Snapshot push = sync.pushAlerts();
        checks.put("push", push(push));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !store ? "down" : caspio && !poll.failing() && !push.alert() ? "up" : "degraded");
        body.put("live", true);
        body.put("ready", store && started.getAsBoolean());
        body.put("checks", checks);
        body.put("instance", sync.instanceId());
        body.put("poller", store ? sync.pollerInstance().orElse(null) : null);
        ctx.status(store ? 200 : 503).json(body);
    }

    /**
     * 200 only once the service has started (migrations run, keys from the environment in place, the first
     * status read done) and while the store answers; before that 503, so no request meets a missing key.
     */
    private void ready(Context ctx) {
        health(ctx);
        if (!started.getAsBoolean()) {
            ctx.status(503);
        }
    }

    /** The global poll on this instance: {@code failing} after several failures in a row. */
    private static Map<String, Object> poll(PollWatch.State p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", p.failing() ? "failing" : p.lastOkAt() == null && p.lastFailedAt() == null ? "not-run" : "ok");
        m.put("consecutiveFailures", p.consecutiveFailures());
        m.put("lastOkAt", p.lastOkAt() == null ? null : p.lastOkAt().toString());
        m.put("lastFailedAt", p.lastFailedAt() == null ? null : p.lastFailedAt().toString());
        m.put("lastError", p.lastError());
        return m;
    }

    private Map<String, Object> queue(QueueState q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pending", q.pending());
        m.put("failed", q.failed());
        m.put(
                "oldestPendingAgeSeconds",
                q.oldestPendingAt() == null
                        ? null
                        : Math.max(
                                0,
                                Duration.between(q.oldestPendingAt(), clock.instant())
                                        .toSeconds()));
        return m;
    }

    /** Unexpected push failures: the count since start, and the alert while an entry that met one waits. */
    private static Map<String, Object> push(PushAlerts.Snapshot p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unexpectedFailures", p.unexpectedTotal());
        if (p.alert()) {
            Map<String, Object> alert = new LinkedHashMap<>();
            alert.put("entries", p.entries());
            alert.put("since", p.since().toString());
            alert.put("error", p.error());
            m.put("alert", alert);
        } else {
            m.put("alert", null);
        }
        return m;
    }

    private void prometheus(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape());
    }
}
