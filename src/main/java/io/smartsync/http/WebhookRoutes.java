package io.smartsync.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.smartsync.sync.CaspioEvent;
import io.smartsync.sync.SyncService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /webhooks/caspio}: Caspio's outgoing webhooks, trusted only when their {@code secret}
 * matches the configured one. Without a configured secret the endpoint refuses every message.
 */
final class WebhookRoutes {
    private static final Set<String> EVENT_TYPES =
            Set.of("table.recordInsert", "table.recordUpdate", "table.recordDelete");

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

    List<Route> routes() {
        return List.of(Route.post("/webhooks/caspio", Access.WEBHOOK, this::receive));
    }

    private void receive(Context ctx) {
        if (secret == null) {
            throw new ApiException(404, "not_found", "webhooks are not enabled (set SMARTSYNC_WEBHOOK_SECRET)");
        }
        Message m = Bodies.read(json, ctx, Message.class);
        if (m.secret() == null || !MessageDigest.isEqual(secret, m.secret().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "unauthenticated", "the webhook secret does not match");
        }
        if (!EVENT_TYPES.contains(m.eventType()) || m.objectName() == null || m.data() == null) {
            throw ApiException.badRequest(
                    "a webhook needs eventType (one of " + EVENT_TYPES + "), objectName and data");
        }
        int applied;
        try {
            applied = sync.apply(new CaspioEvent(m.eventType(), m.objectName(), m.data()));
        } catch (ClassCastException | NullPointerException | DateTimeException e) {
            // A row whose fields do not have Caspio's types: the message is refused, nothing is applied.
            throw ApiException.badRequest("a row of the webhook does not have the table's field types");
        }
        ctx.json(Envelope.ok(Map.of("applied", applied)));
    }
}
