package io.smartsync.emulator;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin server: routes, the bearer-token gate, and the one place where failures become
 * Caspio error bodies. Query strings are never logged, since a {@code q.where} can quote note text.
 */
final class EmulatorHttp {

    private static final Logger log = LoggerFactory.getLogger(EmulatorHttp.class);
    static final String HOST = "127.0.0.1";
    private static final List<String> API_ROOTS = List.of("/rest/v2", "/integrations/rest/v3");
    private static final String TOKEN_PATH = "/oauth/token";

    private EmulatorHttp() {}

    static Javalin start(int port, OAuthEndpoint oauth, TokenStore tokens, RecordsEndpoint records) {
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = HOST;
            config.jetty.port = port;
            config.requestLogger.http((ctx, ms) -> log.debug(
                    "{} {} -> {} in {} ms",
                    ctx.method(),
                    ctx.path(),
                    ctx.status().getCode(),
                    ms));
            config.routes.before(ctx -> gate(ctx, tokens));
            config.routes.post(TOKEN_PATH, oauth::token);
            for (String root : API_ROOTS) {
                String table = root + "/tables/{table}";
                config.routes.get(root + "/tables", records::tables);
                config.routes.get(table + "/fields", records::fields);
                config.routes.get(table + "/records", records::get);
                config.routes.post(table + "/records", records::post);
                config.routes.put(table + "/records", records::put);
                config.routes.delete(table + "/records", records::delete);
            }
            mapFailures(config);
        });
        return app.start();
    }

    private static void gate(Context ctx, TokenStore tokens) {
        Responses.assignRequestId(ctx);
        if (ctx.fullUrl().length() > CaspioRules.MAX_URI_LENGTH) {
            throw new CaspioApiException(
                    414,
                    CaspioRules.CODE_URI_TOO_LONG,
                    "The request URI is longer than " + CaspioRules.MAX_URI_LENGTH + " characters.");
        }
        if (ctx.path().equals(TOKEN_PATH)) {
            return;
        }
        String authorization = ctx.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw CaspioApiException.unauthorized(
                    CaspioRules.CODE_BAD_TOKEN, "Authorization header with a Bearer token is required.");
        }
        if (!tokens.valid(authorization.substring(7).strip())) {
            throw CaspioApiException.unauthorized(CaspioRules.CODE_BAD_TOKEN, "Access token is invalid or expired.");
        }
    }

    private static void mapFailures(JavalinConfig config) {
        config.routes.exception(CaspioApiException.class, (e, ctx) -> {
            log.debug("{} {} refused: {} {}", ctx.method(), ctx.path(), e.status(), e.code());
            Responses.error(ctx, e.status(), e.code(), e.getMessage());
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            // Javalin's own refusals: no such route, wrong method, body too large, ...
            String code = switch (e.getStatus()) {
                case 404 -> CaspioRules.CODE_NOT_FOUND;
                case 405 -> CaspioRules.CODE_METHOD;
                default -> e.getStatus() < 500 ? CaspioRules.CODE_BAD_QUERY : CaspioRules.CODE_SERVER;
            };
            String message = e.getStatus() == 404
                    ? "No resource at " + ctx.method() + " " + ctx.path() + "."
                    : "Request refused: " + e.getMessage();
            Responses.error(ctx, e.getStatus(), code, message);
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            Responses.error(ctx, 500, CaspioRules.CODE_SERVER, "The emulator failed; see its log.");
        });
    }
}
