package io.smartsync.store;

import java.time.Instant;

/** A stored sign-in session: the cookie's token is kept only as its hash. */
public record SessionRecord(
        String tokenHash, String userId, String csrfToken, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {

    @Override
    public String toString() {
        return "SessionRecord[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
