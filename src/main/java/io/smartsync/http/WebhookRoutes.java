package io.smartsync.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.smartsync.sync.CaspioEvent;
import io.smartsync.sync.SyncService;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /webhooks/caspio}: Caspio's outgoing webhooks, trusted only when {@link WebhookCheck} finds
 * them Caspio's and new. Without a configured secret the endpoint refuses every message. Every call, let
 * through or not, leaves an audit line (ids and outcome, never the rows).
 */
final class WebhookRoutes {
    private static final Set<String> EVENT_TYPES =
            Set.of("table.recordInsert", "table.recordUpdate", "table.recordDelete");

    private final SyncService sync;
    private final ObjectMapper json;
    private final WebhookCheck check;
    private final Audit audit;

    WebhookRoutes(SyncService sync, ObjectMapper json, WebhookCheck check, Audit audit) {
        this.sync = sync;
        this.json = json;
        this.check = check;
        this.audit = audit;
    }

    /** The fields of a webhook message this service reads; Caspio's others are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(
            String secret,
            String messageId,
            String eventId,
            String webhookId,
            String eventDate,
            String eventType,
            String objectName,
            List<Map<String, Object>> data) {
        @Override
        public String toString() {
            return "Message[messageId=" + messageId + ", eventType=" + eventType + ", secret=***]";
        }
    }

    List<Route> routes() {
        return List.of(Route.post("/webhooks/caspio", Access.WEBHOOK, this::receive));
    }

    private void receive(Context ctx) {
        String[] seen = {null, "webhook.receive"};
        try {
            int applied = checkAndApply(ctx, seen);
            audit.record("webhook", seen[1], null, null, "ok: " + applied + " applied, messageId " + seen[0]);
            ctx.json(Envelope.ok(Map.of("applied", applied)));
        } catch (RuntimeException e) {
            ErrorMapping.Failure f = ErrorMapping.of(e);
            String verdict = f.status() == 401 || f.status() == 409 || f.status() == 404 ? "denied: " : "failed: ";
            audit.record(
                    "webhook",
                    seen[1],
                    null,
                    null,
                    verdict + f.code() + (seen[0] == null ? "" : ", messageId " + seen[0]));
            throw e;
        }
    }

    private int checkAndApply(Context ctx, String[] seen) {
        if (!check.enabled()) {
            throw new ApiException(404, "not_found", "webhooks are not enabled (set SMARTSYNC_WEBHOOK_SECRET)");
        }
        check.signature(ctx);
        Message m = Bodies.read(json, ctx, Message.class);
        if (m.eventType() != null && EVENT_TYPES.contains(m.eventType())) {
            seen[1] = "webhook." + m.eventType();
        }
        check.message(m);
        seen[0] = m.messageId();
        if (!EVENT_TYPES.contains(m.eventType()) || m.objectName() == null || m.data() == null) {
            throw ApiException.badRequest(
                    "a webhook needs eventType (one of " + EVENT_TYPES + "), objectName and data");
        }
        try {
            return sync.apply(new CaspioEvent(m.eventType(), m.objectName(), m.data()));
        } catch (ClassCastException | NullPointerException | DateTimeException e) {
            // A row whose fields do not have Caspio's types: the message is refused, nothing is applied.
            throw ApiException.badRequest("a row of the webhook does not have the table's field types");
        }
    }
}
