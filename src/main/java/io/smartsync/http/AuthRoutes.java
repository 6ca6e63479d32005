package io.smartsync.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.smartsync.access.Principal;
import io.smartsync.access.Sessions;
import io.smartsync.access.Users;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sign-in for the pages: a user's id and password open a session whose token goes into an HttpOnly,
 * SameSite=Strict cookie; the answer carries the CSRF token the page sends back on every change.
 */
final class AuthRoutes {
    private final Users users;
    private final Sessions sessions;
    private final Audit audit;
    private final ObjectMapper json;
    private final boolean secureCookies;

    AuthRoutes(Users users, Sessions sessions, Audit audit, ObjectMapper json, boolean secureCookies) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.json = json;
        this.secureCookies = secureCookies;
    }

    List<Route> routes() {
        return List.of(
                Route.post("/api/auth/login", Access.OPEN, this::login),
                Route.post("/api/auth/logout", Access.STAFF, this::logout),
                Route.get("/api/auth/session", Access.STAFF, this::current));
    }

    /** The body of a sign-in. */
    record LoginRequest(String userId, String password) {
        @Override
        public String toString() {
            return "LoginRequest[userId=" + userId + ", password=***]";
        }
    }

    private void login(Context ctx) {
        LoginRequest body = Bodies.read(json, ctx, LoginRequest.class);
        if (body.userId() == null || body.password() == null) {
            throw ApiException.badRequest("userId and password are required");
        }
        if (body.userId().length() > 64 || body.password().length() > 256) {
            throw new ApiException(401, "unauthenticated", "the user id or the password is wrong");
        }
        Principal who = users.authenticate(body.userId(), body.password().toCharArray())
                .orElseThrow(() -> {
                    audit.record(printable(body.userId()), "session.login", null, null, "denied: wrong credentials");
                    return new ApiException(401, "unauthenticated", "the user id or the password is wrong");
                });
        Sessions.Opened opened = sessions.open(who);
        int maxAge = (int) Math.min(Integer.MAX_VALUE, sessions.maxAge().toSeconds());
        ctx.cookie(new Cookie(Auth.COOKIE, opened.token(), "/", maxAge, secureCookies, true, null, SameSite.STRICT));
        audit.ok(who, "session.login", null, null);
        ctx.json(Envelope.ok(sessionJson(who, opened.csrfToken(), opened.expiresAt())));
    }

    private void logout(Context ctx) {
        Principal who = Auth.principal(ctx);
        sessions.close(ctx.cookie(Auth.COOKIE));
        ctx.cookie(new Cookie(Auth.COOKIE, "", "/", 0, secureCookies, true, null, SameSite.STRICT));
        audit.ok(who, "session.logout", null, null);
        ctx.json(Envelope.ok(Map.of("signedOut", true)));
    }

    /** Who is calling, and (for a session) the CSRF token a reloaded page needs again. */
    private void current(Context ctx) {
        Principal who = Auth.principal(ctx);
        String csrf = Auth.session(ctx).map(Sessions.Active::csrfToken).orElse(null);
        ctx.json(Envelope.ok(sessionJson(who, csrf, null)));
    }

    private static Map<String, Object> sessionJson(Principal who, String csrf, Instant expiresAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userId", who.userId());
        m.put("fullName", who.fullName());
        m.put("role", who.role().name().toLowerCase(java.util.Locale.ROOT));
        m.put("csrfToken", csrf);
        m.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        return m;
    }

    /** A failed sign-in's user id goes into the audit log as typed, minus anything unprintable. */
    private static String printable(String userId) {
        return userId.replaceAll("\\p{Cntrl}", "?");
    }
}
