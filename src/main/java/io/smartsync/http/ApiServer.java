package io.smartsync.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smartsync.access.ApiKeys;
import io.smartsync.access.AuditLog;
import io.smartsync.access.HashingPool;
import io.smartsync.access.IdempotencyKeys;
import io.smartsync.access.Sessions;
import io.smartsync.access.SignInLimits;
import io.smartsync.access.Users;
import io.smartsync.access.WebhookMessages;
import io.smartsync.sync.SyncReports;
import io.smartsync.sync.SyncService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** The HTTP API on Javalin with virtual threads. Started once, stopped once; thread-safe. */
public final class ApiServer implements AutoCloseable {
    private final Javalin app;
    private final List<Route> routes;
    private final EventsRoute events;
    private final ServiceMeters meters;
    private final HashingPool hashing;
    private final AtomicBoolean ready;

    private ApiServer(
            Javalin app,
            List<Route> routes,
            EventsRoute events,
            ServiceMeters meters,
            HashingPool hashing,
            AtomicBoolean ready) {
        this.app = app;
        this.routes = List.copyOf(routes);
        this.events = events;
        this.meters = meters;
        this.hashing = hashing;
        this.ready = ready;
    }

    /** What the API is built from. */
    public record Parts(
            SyncService sync,
            SyncReports reports,
            ApiKeys keys,
            Users users,
            Sessions sessions,
            AuditLog audit,
            SignInLimits signIn,
            IdempotencyKeys idempotencyKeys,
            WebhookMessages webhookMessages,
            PrometheusMeterRegistry meters,
            Clock clock) {}

    /**
     * Starts the API as {@code settings} say (port 0 picks a free one). It is not ready ({@code
     * /health/ready} answers 503) until {@link #markReady()}.
     */
    public static ApiServer start(ApiSettings settings, FrontDoorSettings door, Parts parts) {
        ObjectMapper json = Bodies.mapper();
        Audit audit = new Audit(parts.audit());
        EventsRoute events = new EventsRoute(parts.sync(), audit, json);
        AtomicBoolean ready = new AtomicBoolean();
        HashingPool hashing = new HashingPool(door.hashThreads(), door.hashQueue());
        List<Route> routes = routes(settings, door, parts, json, audit, ready, hashing);
        routes.addAll(events.routes());
        Auth auth = new Auth(parts.keys(), parts.sessions(), parts.audit(), Set.of(EventsRoute.PATH));
        RequestMeters timing = new RequestMeters(parts.meters());
        ServiceMeters meters = ServiceMeters.bind(parts.meters(), parts.sync(), parts.reports(), parts.clock());
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, true));
            // Javalin's own handler reads the pages through the class loader. Jetty's mounted the jar as a
            // zip file system four times per folder, each holding the index of the jar's 18,000 entries:
            // 34 MB of a 55 MB heap at rest, which kept G1 in back-to-back marking cycles with 10-17 ms
            // remark pauses under load.
            config.resourceHandler(new JavalinStaticResourceHandler());
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            if (settings.tls() != null) {
                Tls.configure(config, settings);
            }
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            ErrorMapping.register(config);
            config.routes.before(ctx -> {
                timing.start(ctx);
                headers(ctx, settings.tls() != null);
                MethodRules.refuseOverride(ctx);
            });
            config.routes.after(timing::stop);
            register(config, routes, auth);
        });
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            events.close();
            meters.close();
            hashing.close();
            throw e;
        }
        return new ApiServer(app, routes, events, meters, hashing, ready);
    }

    /** Every route but the event stream's, in the order /openapi.json lists them. */
    private static List<Route> routes(
            ApiSettings settings,
            FrontDoorSettings door,
            Parts parts,
            ObjectMapper json,
            Audit audit,
            AtomicBoolean ready,
            HashingPool hashing) {
        Params params = new Params(settings.memberIds());
        List<Route> routes = new ArrayList<>();
        routes.addAll(
                new HealthRoutes(parts.sync(), parts.reports(), parts.meters(), parts.clock(), ready::get).routes());
        routes.addAll(new AuthRoutes(
                        parts.users(),
                        parts.sessions(),
                        audit,
                        json,
                        settings.secureCookies(),
                        parts.signIn(),
                        hashing,
                        door.proxies(),
                        settings.browserOffline())
                .routes());
        routes.addAll(new NotesRoutes(
                        parts.sync(),
                        audit,
                        json,
                        params,
                        new NoteInput(params, settings.followUpStatuses()),
                        new IdempotentCreates(parts.idempotencyKeys()),
                        parts.clock())
                .routes());
        routes.addAll(new SyncRoutes(parts.sync(), parts.reports(), audit, json, params).routes());
        routes.addAll(new AuditRoutes(parts.audit(), audit, params).routes());
        WebhookCheck webhooks =
                new WebhookCheck(settings.webhookSecret(), door, parts.webhookMessages(), parts.clock());
        routes.addAll(new WebhookRoutes(parts.sync(), json, webhooks, audit).routes());
        return routes;
    }

    /**
     * Every route runs the access check first, then the body's type check, and names its template for the
     * request timer; every other method on its path is refused after the same access check.
     */
    private static void register(JavalinConfig config, List<Route> routes, Auth auth) {
        for (Route r : routes) {
            config.routes.addHttpHandler(r.method(), r.path(), ctx -> {
                ctx.attribute(RequestMeters.ROUTE, r.path());
                auth.check(ctx, r);
                MethodRules.jsonBody(ctx, r.method());
                r.handler().handle(ctx);
            });
        }
        MethodRules.refuseUndeclared(config, routes, auth);
    }

    /** Keys are in place and the store answered: {@code /health/ready} may say so. */
    public void markReady() {
        ready.set(true);
    }

    /** The pool that hashes passwords for sign-ins (a test fills it to see the API keep answering). */
    public HashingPool hashing() {
        return hashing;
    }

    /**
     * The pages run only this service's own script files: an injected script or inline handler does not
     * run, and nothing is loaded from elsewhere (Swagger UI sets inline styles, hence style-src).
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    /** Answers about members are PHI: never cached, never framed, never sniffed into something else. */
    private static void headers(Context ctx, boolean tls) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        if (tls) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    public int port() {
        return app.port();
    }

    /** Each route as {@code "METHOD /path access"}, e.g. {@code "GET /api/audit admin"}: the API's own list. */
    public List<String> endpoints() {
        return routes.stream()
                .map(r -> r.method().name() + " " + r.path() + " "
                        + r.access().name().toLowerCase(Locale.ROOT))
                .toList();
    }

    @Override
    public void close() {
        events.close();
        meters.close();
        app.stop();
        hashing.close();
    }
}
