package io.smartsync.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every request into {@code http.server.requests}, tagged by method, route template and status:
 * the template, never the path, so no member or note id becomes a tag. Thread-safe.
 */
final class RequestMeters {
    static final String ROUTE = "smartsync.route";
    private static final String STARTED = "smartsync.started";

    private final MeterRegistry registry;

    RequestMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void start(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    void stop(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        String route = ctx.attribute(ROUTE);
        Timer.builder("http.server.requests")
                .description("requests answered, by route template and status")
                .tag("method", ctx.method().name())
                .tag("uri", route != null ? route : ctx.statusCode() == 404 ? "NOT_FOUND" : "static")
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
