package io.smartsync.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.smartsync.sync.CaspioEvent;
import io.smartsync.sync.SyncService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /webhooks/caspio}: Caspio's outgoing webhooks, trusted only when their {@code secret}
 * matches the configured one. Without a configured secret the endpoint refuses every message.
 */
final class WebhookRoutes {
    private final SyncService sync;
    private final ObjectMapper json;
    private final byte[] secret;

    WebhookRoutes(SyncService sync, ObjectMapper json, String secret) {
        this.sync = sync;
        this.json = json;
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The fields of a webhook message this service reads; Caspio's others are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(String secret, String eventType, String objectName, List<Map<String, Object>> data) {}

    void register(JavalinConfig config) {
        config.routes.post("/webhooks/caspio", this::receive);
    }

    private void receive(Context ctx) {
        if (secret == null) {
            throw new ApiException(404, "not_found", "webhooks are not enabled (set SMARTSYNC_WEBHOOK_SECRET)");
        }
        Message m = Bodies.read(json, ctx, Message.class);
        if (m.secret() == null || !MessageDigest.isEqual(secret, m.secret().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "unauthenticated", "the webhook secret does not match");
        }
        int applied = sync.apply(new CaspioEvent(m.eventType(), m.objectName(), m.data()));
        ctx.json(Envelope.ok(Map.of("applied", applied)));
    }
}
