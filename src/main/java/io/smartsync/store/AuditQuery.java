package io.smartsync.store;

import java.time.Instant;

/**
 * Which audit lines to read, newest first; every filter may be null. {@code beforeId} pages backwards:
 * the next page starts below the smallest id of the last one.
 */
public record AuditQuery(
        String actor, String clientId2, String action, Instant from, Instant to, Long beforeId, int limit) {
    public AuditQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }
}
