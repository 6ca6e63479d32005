package io.smartsync.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.smartsync.access.HashingPool;
import io.smartsync.note.InvalidInputException;
import io.smartsync.sync.NoSuchNoteException;
import io.smartsync.sync.NotSettleableException;
import io.smartsync.sync.NoteIdTakenException;
import io.smartsync.sync.OfflineQueueFullException;
import io.smartsync.sync.StaleWriteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP answers: {@code {"success":false,"error":…,"code":…}}, never
 * a stack trace in a body. Only the service's own exceptions (and Javalin's, and a body cut short) are
 * 4xx; anything else, a plain {@link IllegalArgumentException} included, is a fault of the service: a 500
 * that tells the caller nothing of it and is logged.
 */
final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    /** What an exception means to a caller. */
    record Failure(int status, String code, String message) {}

    static Failure of(Throwable e) {
        return switch (e) {
            case ApiException a -> new Failure(a.status(), a.code(), a.getMessage());
            case HttpResponseException h -> fromJavalin(h);
            case OfflineQueueFullException q -> new Failure(503, "queue_full", q.getMessage());
            case HashingPool.Busy b -> new Failure(429, "busy", b.getMessage());
            case NoSuchNoteException n -> new Failure(404, "not_found", n.getMessage());
            case NotSettleableException n -> new Failure(409, "conflict", n.getMessage());
            case StaleWriteException w -> new Failure(409, "conflict", w.getMessage());
            case NoteIdTakenException n -> new Failure(409, "note_id_taken", n.getMessage());
            case InvalidInputException i -> new Failure(400, "bad_request", inRequestTerms(i.getMessage()));
            // Handlers do no I/O of their own: an I/O failure is the request's body, cut short or unreadable.
            case IOException io -> new Failure(400, "bad_request", "the request body could not be read to its end");
            case UncheckedIOException io ->
                new Failure(400, "bad_request", "the request body could not be read to its end");
            default -> new Failure(500, "internal", "the service failed to answer; the error is in its log");
        };
    }

    /**
     * A message from a library may name our classes or the JDK's; a caller is told what was wrong in the
     * request's own terms, never how the service is built.
     */
    static String inRequestTerms(String message) {
        if (message == null || message.contains("io.smartsync") || message.contains("java.")) {
            return "the request could not be read";
        }
        return message;
    }

    static String codeOf(Throwable e) {
        return of(e).code();
    }

    private static Failure fromJavalin(HttpResponseException h) {
        return switch (h.getStatus()) {
            case 413 -> new Failure(413, "too_large", "the request body is larger than this service accepts");
            case 400 -> new Failure(400, "bad_request", inRequestTerms(h.getMessage()));
            case 404 -> new Failure(404, "not_found", inRequestTerms(h.getMessage()));
            default -> new Failure(h.getStatus(), "http_" + h.getStatus(), inRequestTerms(h.getMessage()));
        };
    }

    static void register(JavalinConfig config) {
        // Javalin answers its own exceptions (413 from the body limit, say) in plain text unless told.
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            Failure f = of(e);
            fail(ctx, f.status(), f.code(), f.message());
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            Failure f = of(e);
            if (f.status() >= 500 && !(e instanceof OfflineQueueFullException)) {
                log.error("{} {} failed: {}", ctx.method(), ctx.path(), describe(e));
            }
            if (f.status() == 429 && ctx.res().getHeader("Retry-After") == null) {
                ctx.header("Retry-After", "1");
            }
            fail(ctx, f.status(), f.code(), f.message());
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                fail(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
    }

    /**
     * The exception's types, and a database's own message: other messages may quote a statement's bound
     * values, which can be a note's text, and notes never go into the log.
     */
    static String describe(Throwable e) {
        StringJoiner chain = new StringJoiner(" <- ");
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            chain.add(
                    t instanceof SQLException sql
                            ? t.getClass().getSimpleName() + " (" + sql.getMessage() + ")"
                            : t.getClass().getName());
        }
        return chain.toString();
    }

    static void fail(Context ctx, int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put(
                "error",
                message == null || message.isBlank() ? code : status < 500 ? inRequestTerms(message) : message);
        body.put("code", code);
        ctx.status(status).json(body);
    }
}
