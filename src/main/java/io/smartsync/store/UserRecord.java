package io.smartsync.store;

import java.time.Instant;

/** A stored user: only the password's hash is kept. */
public record UserRecord(
        String userId, String fullName, String role, String passwordHash, Instant createdAt, Instant disabledAt) {

    @Override
    public String toString() {
        return "UserRecord[userId=" + userId + ", role=" + role + ", disabledAt=" + disabledAt + "]";
    }
}
