package io.smartsync.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which methods reach a route, and what a body must be. Only the methods a route declares run its handler;
 * any other method on its path (HEAD and OPTIONS included) is answered 405 with {@code Allow}, but only
 * after the same access check, so it tells a stranger nothing. Javalin's {@code X-HTTP-Method-Override}
 * cannot be switched off, so a request that carries it is refused before routing matters. A request with
 * a body must send JSON.
 */
final class MethodRules {
    static final String OVERRIDE = "X-HTTP-Method-Override";

    private static final List<HandlerType> METHODS = List.of(
            HandlerType.GET,
            HandlerType.POST,
            HandlerType.PUT,
            HandlerType.PATCH,
            HandlerType.DELETE,
            HandlerType.HEAD,
            HandlerType.OPTIONS,
            HandlerType.TRACE,
            HandlerType.QUERY);

    private static final Set<HandlerType> BODILESS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private MethodRules() {}

    /** Runs before routing for every request. */
    static void refuseOverride(Context ctx) {
        if (ctx.header(OVERRIDE) != null
                || ctx.header("X-HTTP-Method") != null
                || ctx.header("X-Method-Override") != null) {
            throw ApiException.badRequest(OVERRIDE + " is not accepted: send the request with its own method");
        }
    }

    /** Registers, on every route's path, a refusal for each method the path does not declare. */
    static void refuseUndeclared(JavalinConfig config, List<Route> routes, Auth auth) {
        Map<String, List<Route>> byPath = new LinkedHashMap<>();
        for (Route r : routes) {
            byPath.computeIfAbsent(r.path(), p -> new java.util.ArrayList<>()).add(r);
        }
        byPath.forEach((path, declared) -> {
            Set<HandlerType> methods = declared.stream().map(Route::method).collect(Collectors.toSet());
            String allow = declared.stream().map(r -> r.method().name()).collect(Collectors.joining(", "));
            Access least = declared.stream()
                    .map(Route::access)
                    .min((a, b) -> rank(a) - rank(b))
                    .orElseThrow();
            for (HandlerType m : METHODS) {
                if (!methods.contains(m)) {
                    Route refusal = new Route(m, path, least, ctx -> {});
                    config.routes.addHttpHandler(m, path, ctx -> {
                        ctx.attribute(RequestMeters.ROUTE, path);
                        auth.check(ctx, refusal);
                        ctx.header("Allow", allow);
                        throw new ApiException(
                                405,
                                "method_not_allowed",
                                m.name() + " is not served here; " + path + " takes " + allow);
                    });
                }
            }
        });
    }

    private static int rank(Access a) {
        return a.role() == null ? 0 : a.role().ordinal() + 1;
    }

    /** A request that carries a body must say it is JSON (UTF-8): a form or text/plain gets 415. */
    static void jsonBody(Context ctx, HandlerType method) {
        if (BODILESS.contains(method) || !hasBody(ctx)) {
            return;
        }
        String type = ctx.header("Content-Type");
        if (type == null || !isJson(type)) {
            throw new ApiException(
                    415,
                    "unsupported_media_type",
                    "a request body must be JSON sent with Content-Type: application/json");
        }
    }

    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    private static boolean isJson(String contentType) {
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].strip().split("=", 2);
            if (kv[0].strip().toLowerCase(Locale.ROOT).equals("charset")
                    && (kv.length < 2 || !kv[1].strip().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                return false;
            }
        }
        return true;
    }
}
