package io.smartsync.http;

import io.javalin.http.Context;
import io.smartsync.access.ApiKeys;
import io.smartsync.access.Principal;
import io.smartsync.access.Role;

/** Checks the Bearer API key of every {@code /api} call and keeps the caller on the request. */
final class Auth {
    private static final String PRINCIPAL = "smartsync.principal";

    private final ApiKeys keys;

    Auth(ApiKeys keys) {
        this.keys = keys;
    }

    void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "unauthenticated", "an API key is required: Authorization: Bearer <key>");
        }
        Principal principal = keys.authenticate(header.substring(7))
                .orElseThrow(() -> new ApiException(401, "unauthenticated", "the API key is not valid"));
        ctx.attribute(PRINCIPAL, principal);
    }

    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new ApiException(401, "unauthenticated", "an API key is required: Authorization: Bearer <key>");
        }
        return p;
    }

    static Principal require(Context ctx, Role role) {
        Principal p = principal(ctx);
        if (!p.role().allows(role)) {
            throw new ApiException(
                    403, "forbidden", "this needs the " + role.name().toLowerCase() + " role");
        }
        return p;
    }
}
