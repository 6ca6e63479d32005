package io.smartsync.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.smartsync.access.HashingPool;
import io.smartsync.access.Principal;
import io.smartsync.access.Sessions;
import io.smartsync.access.SignInBlock;
import io.smartsync.access.SignInLimits;
import io.smartsync.access.Users;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in for the pages: a user's id and password open a session whose token goes into an HttpOnly,
 * SameSite=Strict cookie; the answer carries the CSRF token the page sends back on every change. Failed
 * guesses are limited per (user id, client address) before any password is hashed, and hashing runs on a
 * small bounded pool, so a flood of sign-ins gets 429 instead of the CPU.
 */
final class AuthRoutes {
    private final Users users;
    private final Sessions sessions;
    private final Audit audit;
    private final ObjectMapper json;
    private final boolean secureCookies;
    private final SignInLimits limits;
    private final HashingPool hashing;
    private final TrustedProxies proxies;
    private final BrowserOffline offline;

    AuthRoutes(
            Users users,
            Sessions sessions,
            Audit audit,
            ObjectMapper json,
            boolean secureCookies,
            SignInLimits limits,
            HashingPool hashing,
            TrustedProxies proxies,
            BrowserOffline offline) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.json = json;
        this.secureCookies = secureCookies;
        this.limits = limits;
        this.hashing = hashing;
        this.proxies = proxies;
        this.offline = offline;
    }

    List<Route> routes() {
        return List.of(
                Route.post("/api/auth/login", Access.OPEN, this::login),
                Route.post("/api/auth/logout", Access.STAFF, this::logout),
                Route.get("/api/auth/session", Access.STAFF, this::current),
                Route.get("/api/auth/lockouts", Access.ADMIN, this::lockouts),
                Route.post("/api/auth/lockouts/unlock", Access.ADMIN, this::unlock));
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
        String actor = printable(body.userId());
        String address = proxies.clientOf(ctx);
        limits.blocked(actor, address).ifPresent(f -> {
            audit.record(actor, "session.login", null, null, refusal(f, address));
            throw tooMany(ctx, f);
        });
        Optional<Principal> checked = hashing.run(
                () -> users.authenticate(body.userId(), body.password().toCharArray()));
        if (checked.isEmpty()) {
            audit.record(actor, "session.login", null, null, "denied: wrong credentials from " + address);
            SignInBlock f = limits.failed(actor, address);
            if (f.locked()) {
                audit.record(
                        actor,
                        "session.lockout",
                        null,
                        null,
                        "locked out from " + address + " until " + f.blockedUntil() + " after " + f.failures()
                                + " failures");
            }
            throw new ApiException(401, "unauthenticated", "the user id or the password is wrong");
        }
        Principal who = checked.get();
        limits.succeeded(actor, address);
        Sessions.Opened opened = sessions.open(who);
        int maxAge = (int) Math.min(Integer.MAX_VALUE, sessions.maxAge().toSeconds());
        ctx.cookie(new Cookie(Auth.COOKIE, opened.token(), "/", maxAge, secureCookies, true, null, SameSite.STRICT));
        audit.ok(who, "session.login", null, null);
        ctx.json(Envelope.ok(sessionJson(who, opened.csrfToken(), opened.expiresAt(), offlineJson(who))));
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
        Optional<Sessions.Active> session = Auth.session(ctx);
        String csrf = session.map(Sessions.Active::csrfToken).orElse(null);
        ctx.json(Envelope.ok(sessionJson(who, csrf, null, session.isPresent() ? offlineJson(who) : null)));
    }

    private static Map<String, Object> sessionJson(
            Principal who, String csrf, Instant expiresAt, Map<String, Object> offline) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userId", who.userId());
        m.put("fullName", who.fullName());
        m.put("role", who.role().name().toLowerCase(java.util.Locale.ROOT));
        m.put("csrfToken", csrf);
        m.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        if (offline != null) {
            m.put("offline", offline);
        }
        return m;
    }

    /**
     * What the page may keep on the device and the salt it derives its key with: not a secret (it only
     * makes each user's key derivation their own), so it may go to the page.
     */
    private Map<String, Object> offlineJson(Principal who) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", offline.enabled());
        m.put("keepHours", offline.keep().toHours());
        m.put("iterations", offline.iterations());
        m.put("salt", users.offlineSalt(who.userId()));
        return m;
    }

    private static String refusal(SignInBlock f, String address) {
        return (f.locked() ? "denied: locked out" : "denied: throttled") + " from " + address + " until "
                + f.blockedUntil();
    }

    private ApiException tooMany(Context ctx, SignInBlock f) {
        ctx.header("Retry-After", Long.toString(limits.secondsLeft(f)));
        return new ApiException(
                429,
                f.locked() ? "locked_out" : "too_many_attempts",
                f.locked()
                        ? "too many failed sign-ins from this address; try again later or ask an admin to unlock"
                        : "too many failed sign-ins from this address; wait before trying again");
    }

    /** The (user id, address) pairs blocked now: an admin's view, with the time each block ends. */
    private void lockouts(Context ctx) {
        List<Map<String, Object>> pairs = limits.blocked(200).stream()
                .map(f -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("userId", f.userId());
                    m.put("address", f.address());
                    m.put("failures", f.failures());
                    m.put("locked", f.locked());
                    m.put("blockedUntil", f.blockedUntil().toString());
                    return m;
                })
                .toList();
        ctx.json(Envelope.ok(Map.of("blocked", pairs)));
    }

    /** The body of an unlock: a user id, and the one address to unlock (all when left out). */
    record UnlockRequest(String userId, String address) {}

    private void unlock(Context ctx) {
        Principal who = Auth.principal(ctx);
        UnlockRequest body = Bodies.read(json, ctx, UnlockRequest.class);
        if (body.userId() == null || body.userId().isBlank() || body.userId().length() > 64) {
            throw ApiException.badRequest("userId is required (1-64 characters)");
        }
        if (body.address() != null
                && (body.address().isBlank() || body.address().length() > 45)) {
            throw ApiException.badRequest("address must be an IP address as listed, or left out for all");
        }
        int n = limits.unlock(printable(body.userId()), body.address());
        audit.record(
                who.userId(),
                "session.unlock",
                null,
                null,
                "ok: " + n + " unlocked for " + printable(body.userId())
                        + (body.address() == null ? "" : " from " + printable(body.address())));
        ctx.json(Envelope.ok(Map.of("unlocked", n)));
    }

    /** A failed sign-in's user id goes into the audit log as typed, minus anything unprintable. */
    private static String printable(String userId) {
        return userId.replaceAll("\\p{Cntrl}", "?");
    }
}
