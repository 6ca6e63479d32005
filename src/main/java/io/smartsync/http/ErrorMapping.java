package io.smartsync.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.smartsync.sync.NoSuchNoteException;
import io.smartsync.sync.NotSettleableException;
import io.smartsync.sync.OfflineQueueFullException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where exceptions become HTTP answers; never a stack trace in a body. */
final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    static void register(JavalinConfig config) {
        config.routes.exception(ApiException.class, (e, ctx) -> fail(ctx, e.status(), e.code(), e.getMessage()));
        config.routes.exception(
                IllegalArgumentException.class, (e, ctx) -> fail(ctx, 400, "bad_request", e.getMessage()));
        config.routes.exception(
                OfflineQueueFullException.class, (e, ctx) -> fail(ctx, 503, "queue_full", e.getMessage()));
        config.routes.exception(NoSuchNoteException.class, (e, ctx) -> fail(ctx, 404, "not_found", e.getMessage()));
        config.routes.exception(NotSettleableException.class, (e, ctx) -> fail(ctx, 409, "conflict", e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed: {}", ctx.method(), ctx.path(), e.toString());
            fail(ctx, 500, "internal", "the service failed to answer; the error is in its log");
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                fail(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
    }

    static void fail(Context ctx, int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", message);
        body.put("code", code);
        ctx.status(status).json(body);
    }
}
