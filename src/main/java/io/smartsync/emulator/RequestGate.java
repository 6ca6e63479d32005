package io.smartsync.emulator;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What happens around every call: the request id and the emulator's {@code Date}, counting, the URI
 * limit, injected faults, the bearer token, and after the route the drop-after-commit. The admin routes
 * under {@code /_emulator} get only the first two. Thread-safe.
 */
final class RequestGate {

    static final String ADMIN_ROOT = "/_emulator";
    static final String TOKEN_PATH = "/oauth/token";
    private static final String KIND_ATTRIBUTE = "emulator.kind";
    private static final String API = "^(/rest/v2|/integrations/rest/v3)/tables";
    private static final Pattern TABLES = Pattern.compile(API + "/?$");
    private static final Pattern FIELDS = Pattern.compile(API + "/[^/]+/fields/?$");
    private static final Pattern RECORDS = Pattern.compile(API + "/[^/]+/records/?$");
    private static final Pattern COUNT_ONLY = Pattern.compile("(?i)\\s*COUNT\\s*\\(\\s*\\*\\s*\\)\\s*");

    private final TokenStore tokens;
    private final FaultInjector faults;
    private final StatsCounters stats;
    private final WriteWatch writes;
    private final Clock clock;

    RequestGate(TokenStore tokens, FaultInjector faults, StatsCounters stats, WriteWatch writes, Clock clock) {
        this.tokens = tokens;
        this.faults = faults;
        this.stats = stats;
        this.writes = writes;
        this.clock = clock;
    }

    void before(Context ctx) {
        Responses.assignRequestId(ctx);
        ctx.header(
                "Date",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
        if (admin(ctx)) {
            return;
        }
        EmulatorStats.Kind kind = kind(ctx);
        ctx.attribute(KIND_ATTRIBUTE, kind);
        stats.request(kind, ctx.bodyAsBytes().length, ctx.fullUrl().length());
        stats.seen(ctx.method().name(), ctx.queryString());
        if (ctx.fullUrl().length() > CaspioRules.MAX_URI_LENGTH) {
            throw new CaspioApiException(
                    414,
                    CaspioRules.CODE_URI_TOO_LONG,
                    "The request URI is longer than " + CaspioRules.MAX_URI_LENGTH + " characters.");
        }
        if (kind.recordWrite()) {
            writes.started(ctx, kind);
        }
        FaultDecision decision = faults.decide(kind);
        decision.attachTo(ctx);
        pause(decision.delay());
        if (decision.failStatus() != 0) {
            stats.fault(EmulatorStats.Fault.ERROR_5XX);
            throw decision.failStatus() == 503
                    ? new CaspioApiException(
                            503, CaspioRules.CODE_UNAVAILABLE, "The service is temporarily unavailable.")
                    : new CaspioApiException(
                            decision.failStatus(),
                            CaspioRules.CODE_SERVER,
                            "The server failed to process the request.");
        }
        if (decision.retryAfter() != null) {
            stats.fault(EmulatorStats.Fault.THROTTLE_429);
            long seconds = retryAfterSeconds(decision.retryAfter());
            ctx.header("Retry-After", Long.toString(seconds));
            throw new CaspioApiException(
                    429, CaspioRules.CODE_THROTTLED, "Too many requests; retry after " + seconds + " s.");
        }
        if (kind != EmulatorStats.Kind.TOKEN) {
            authorize(ctx);
        }
    }

    void after(Context ctx) {
        EmulatorStats.Kind kind = ctx.attribute(KIND_ATTRIBUTE);
        if (kind == null) {
            return; // an admin call
        }
        writes.ended(ctx);
        FaultDecision decision = FaultDecision.of(ctx);
        int status = ctx.statusCode();
        boolean committed = kind.recordWrite() && status >= 200 && status < 300;
        if (committed && (decision.randomDrop() || (decision.queuedDrop() && faults.takeQueuedDrop()))) {
            stats.fault(EmulatorStats.Fault.DROP_AFTER_COMMIT);
            ConnectionCut.cut(ctx);
            return; // the client never sees a status
        }
        stats.answered(status, Responses.bytesOut(ctx));
    }

    /** Whole seconds, rounded up, at least 1 (CaspioRules). */
    static long retryAfterSeconds(Duration retryAfter) {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private void authorize(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw CaspioApiException.unauthorized(
                    CaspioRules.CODE_BAD_TOKEN, "Authorization header with a Bearer token is required.");
        }
        TokenStore.Check check = tokens.check(authorization.substring(7).strip());
        if (check == TokenStore.Check.CUT_SHORT) {
            stats.fault(EmulatorStats.Fault.TOKEN_EXPIRY);
        }
        if (check != TokenStore.Check.VALID) {
            throw CaspioApiException.unauthorized(CaspioRules.CODE_BAD_TOKEN, "Access token is invalid or expired.");
        }
    }

    private void pause(Duration delay) {
        if (!delay.isPositive()) {
            return;
        }
        stats.delayed(delay);
        try {
            Thread.sleep(delay); // the emulator playing a slow network, not a test waiting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean admin(Context ctx) {
        return ctx.path().equals(ADMIN_ROOT) || ctx.path().startsWith(ADMIN_ROOT + "/");
    }

    private static EmulatorStats.Kind kind(Context ctx) {
        String path = ctx.path();
        String method = ctx.method().name();
        if (path.equals(TOKEN_PATH)) {
            return EmulatorStats.Kind.TOKEN;
        }
        if (TABLES.matcher(path).matches()) {
            return EmulatorStats.Kind.TABLES;
        }
        if (FIELDS.matcher(path).matches()) {
            return method.equals("POST") ? EmulatorStats.Kind.ADD_FIELD : EmulatorStats.Kind.FIELDS;
        }
        if (!RECORDS.matcher(path).matches()) {
            return EmulatorStats.Kind.OTHER;
        }
        return switch (method) {
            case "GET" -> countOnly(ctx.queryParamMap()) ? EmulatorStats.Kind.COUNT : EmulatorStats.Kind.READ;
            case "POST" -> EmulatorStats.Kind.CREATE;
            case "PUT" -> EmulatorStats.Kind.UPDATE;
            case "DELETE" -> EmulatorStats.Kind.DELETE;
            default -> EmulatorStats.Kind.OTHER;
        };
    }

    private static boolean countOnly(Map<String, List<String>> params) {
        String select = first(params, "q.select");
        return select != null && COUNT_ONLY.matcher(select).matches() && first(params, "q.groupBy") == null;
    }

    /** Lenient: classification must never refuse a call; the route checks the parameters. */
    private static String first(Map<String, List<String>> params, String name) {
        return params.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .filter(v -> v != null && !v.isBlank())
                .findFirst()
                .orElse(null);
    }
}
