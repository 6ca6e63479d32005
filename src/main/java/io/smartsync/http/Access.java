package io.smartsync.http;

import io.smartsync.access.Role;

/** Who may call a route: anyone, the holder of the webhook secret, or a caller with a role. */
enum Access {
    /** No credentials: health, sign-in, documentation. */
    OPEN(null),
    /** No user credentials: the body carries Caspio's webhook secret, checked by the route. */
    WEBHOOK(null),
    STAFF(Role.STAFF),
    ADMIN(Role.ADMIN);

    private final Role role;

    Access(Role role) {
        this.role = role;
    }

    /** The role a caller needs, or null for routes without user credentials. */
    Role role() {
        return role;
    }
}
