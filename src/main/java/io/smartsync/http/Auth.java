package io.smartsync.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.smartsync.access.ApiKeys;
import io.smartsync.access.AuditLog;
import io.smartsync.access.Principal;
import io.smartsync.access.Role;
import io.smartsync.access.Sessions;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every call to a route that needs a role, before its handler runs: a Bearer API key, or
 * the session cookie of a signed-in user. A session's changing requests (and its event stream) must
 * echo the session's CSRF token. No or bad credentials: 401; wrong role or CSRF token: 403, audited.
 */
final class Auth {
    static final String COOKIE = "smartsync_session";
    static final String CSRF_HEADER = "X-CSRF-Token";

    /** EventSource cannot send headers, so the event stream alone takes the CSRF token as a parameter. */
    static final String CSRF_PARAM = "csrf";

    private static final String PRINCIPAL = "smartsync.principal";
    private static final String SESSION = "smartsync.session";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final ApiKeys keys;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Set<String> csrfInQuery;

    Auth(ApiKeys keys, Sessions sessions, AuditLog audit, Set<String> csrfInQuery) {
        this.keys = keys;
        this.sessions = sessions;
        this.audit = audit;
        this.csrfInQuery = Set.copyOf(csrfInQuery);
    }

    /** Runs before the route's handler: the route's {@link Access} says what it needs. */
    void check(Context ctx, Route route) {
        Role needed = route.access().role();
        if (needed == null) {
            return;
        }
        Principal who = authenticate(ctx, route);
        if (!who.role().allows(needed)) {
            audit.record(who.userId(), routeOf(route), null, null, "denied: needs " + role(needed));
            throw new ApiException(403, "forbidden", "this needs the " + role(needed) + " role");
        }
    }

    private Principal authenticate(Context ctx, Route route) {
        String header = ctx.header("Authorization");
        if (header != null) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw unauthenticated("the Authorization header must be: Bearer <API key>");
            }
            Principal p = keys.authenticate(header.substring(7))
                    .orElseThrow(() -> unauthenticated("the API key is not valid"));
            ctx.attribute(PRINCIPAL, p);
            return p;
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null) {
            throw unauthenticated("an API key (Authorization: Bearer <key>) or a signed-in session is required");
        }
        Sessions.Active session =
                sessions.resolve(cookie).orElseThrow(() -> unauthenticated("the session has ended; sign in again"));
        boolean stream = csrfInQuery.contains(route.path());
        if (!SAFE.contains(route.method()) || stream) {
            String presented = ctx.header(CSRF_HEADER);
            if (presented == null && stream) {
                presented = ctx.queryParam(CSRF_PARAM);
            }
            if (!session.csrfMatches(presented)) {
                audit.record(
                        session.principal().userId(),
                        routeOf(route),
                        null,
                        null,
                        "denied: CSRF token missing or wrong");
                throw new ApiException(
                        403, "csrf", "the " + CSRF_HEADER + " header must carry the session's CSRF token");
            }
        }
        ctx.attribute(PRINCIPAL, session.principal());
        ctx.attribute(SESSION, session);
        return session.principal();
    }

    private static String routeOf(Route route) {
        return route.method().name() + " " + route.path();
    }

    private static ApiException unauthenticated(String message) {
        return new ApiException(401, "unauthenticated", message);
    }

    private static String role(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The caller the check let through. */
    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw unauthenticated("an API key (Authorization: Bearer <key>) or a signed-in session is required");
        }
        return p;
    }

    /** The caller's session, when they came with a cookie rather than a key. */
    static Optional<Sessions.Active> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }
}
