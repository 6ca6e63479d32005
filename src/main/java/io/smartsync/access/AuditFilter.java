package io.smartsync.access;

import java.time.Instant;

/** Which audit lines an admin asks for, newest first; null filters match everything. */
public record AuditFilter(
        String actor, String clientId2, String action, Instant from, Instant to, Long beforeId, int limit) {
    public static final int MAX_LIMIT = 1000;

    public AuditFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }
}
