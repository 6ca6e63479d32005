package io.smartsync.emulator;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin server: routes, the {@link RequestGate} around them, and the one place where failures
 * become Caspio error bodies. Query strings are never logged, since a {@code q.where} can quote note text.
 */
final class EmulatorHttp {

    private static final Logger log = LoggerFactory.getLogger(EmulatorHttp.class);
    static final String HOST = "127.0.0.1";
    private static final List<String> API_ROOTS = List.of("/rest/v2", "/integrations/rest/v3");

    /** The route handlers, wired once by {@link CaspioEmulator#start}. */
    record Routes(
            RequestGate gate,
            OAuthEndpoint oauth,
            FieldsEndpoint fields,
            RecordsEndpoint records,
            ViewsEndpoint views,
            AdminEndpoint admin) {}

    private EmulatorHttp() {}

    static Javalin start(int port, Routes routes) {
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
            config.routes.before(routes.gate()::before);
            config.routes.after(routes.gate()::after);
            config.routes.post(RequestGate.TOKEN_PATH, routes.oauth()::token);
            for (String root : API_ROOTS) {
                String table = root + "/tables/{table}";
                config.routes.get(root + "/tables", routes.fields()::tables);
                config.routes.post(root + "/tables", routes.fields()::createTable);
                config.routes.get(table, routes.fields()::table);
                config.routes.get(table + "/fields", routes.fields()::fields);
                config.routes.post(table + "/fields", routes.fields()::add);
                config.routes.get(table + "/fields/{field}", routes.fields()::field);
                config.routes.put(table + "/fields/{field}", routes.fields()::change);
                config.routes.delete(table + "/fields/{field}", routes.fields()::drop);
                config.routes.get(table + "/passwordFields", routes.fields()::passwordFields);
                config.routes.put(table + "/passwordFields/{field}", routes.fields()::passwordField);
                config.routes.delete(table + "/passwordFields/{field}", routes.fields()::passwordField);
                String view = root + "/views/{view}";
                config.routes.get(root + "/views", routes.views()::views);
                config.routes.get(view, routes.views()::view);
                config.routes.get(view + "/fields", routes.views()::fields);
                config.routes.get(view + "/records", routes.views()::records);
                config.routes.post(view + "/records", routes.views()::write);
                config.routes.put(view + "/records", routes.views()::write);
                config.routes.delete(view + "/records", routes.views()::write);
                config.routes.get(table + "/records", routes.records()::get);
                config.routes.post(table + "/records", routes.records()::post);
                config.routes.put(table + "/records", routes.records()::put);
                config.routes.delete(table + "/records", routes.records()::delete);
            }
            String admin = RequestGate.ADMIN_ROOT;
            config.routes.get(admin + "/faults", routes.admin()::getFaults);
            config.routes.put(admin + "/faults", routes.admin()::putFaults);
            config.routes.get(admin + "/stats", routes.admin()::stats);
            config.routes.post(admin + "/reset", routes.admin()::reset);
            config.routes.put(admin + "/views/{view}", routes.views()::define);
            mapFailures(config);
        });
        return app.start();
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
