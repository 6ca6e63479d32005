package io.smartsync.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.smartsync.access.ApiKeys;
import io.smartsync.access.AuditLog;
import io.smartsync.sync.SyncService;
import java.util.Map;

/** The HTTP API on Javalin with virtual threads. Started once, stopped once; thread-safe. */
public final class ApiServer implements AutoCloseable {
    /** Enough for a note of Caspio's 64,000 characters in any script, with room for the other fields. */
    private static final long MAX_REQUEST_BYTES = 512 * 1024;

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    /** Starts the API on {@code host:port} (port 0 picks a free one). */
    public static ApiServer start(
            String host, int port, SyncService sync, ApiKeys keys, AuditLog audit, String webhookSecret) {
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Auth auth = new Auth(keys);
        NotesRoutes notes = new NotesRoutes(sync, audit, json);
        SyncRoutes syncRoutes = new SyncRoutes(sync, audit, json);
        WebhookRoutes webhooks = new WebhookRoutes(sync, json, webhookSecret);
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, true));
            config.staticFiles.add("/public", Location.CLASSPATH);
            ErrorMapping.register(config);
            config.routes.before("/api/*", auth::authenticate);
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "up")));
            notes.register(config);
            syncRoutes.register(config);
            webhooks.register(config);
        });
        app.start(host, port);
        return new ApiServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
