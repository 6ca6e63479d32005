package io.smartsync.sync;

import java.time.Duration;

/**
 * The sync settings, with the seed's names and defaults. Validated once when built; immutable after.
 *
 * @param overlapSeconds how far before the cursor an incremental pull starts, to catch rows committed
 *     late with an older stamp and ties at a page boundary
 * @param pageSize rows per Caspio read (Caspio answers at most 1000)
 * @param pushLease how long a claimed outbox entry stays with this instance before another may take it
 */
public record SyncConfig(
        int maxRetryAttempts,
        long retryDelayMs,
        int batchSize,
        long autoSyncInterval,
        int offlineQueueLimit,
        long syncTimeoutMs,
        long overlapSeconds,
        int pageSize,
        Duration pushLease) {

    public SyncConfig {
        positive("maxRetryAttempts", maxRetryAttempts);
        positive("retryDelayMs", retryDelayMs);
        positive("batchSize", batchSize);
        positive("autoSyncInterval", autoSyncInterval);
        positive("offlineQueueLimit", offlineQueueLimit);
        positive("syncTimeoutMs", syncTimeoutMs);
        if (overlapSeconds < 0) {
            throw new IllegalArgumentException("overlapSeconds must be 0 or more, was " + overlapSeconds);
        }
        if (pageSize < 5 || pageSize > 1000) {
            throw new IllegalArgumentException(
                    "pageSize must be between 5 and 1000 (Caspio's limits), was " + pageSize);
        }
        if (pushLease == null || pushLease.isNegative() || pushLease.isZero()) {
            throw new IllegalArgumentException("pushLease must be positive, was " + pushLease);
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** The seed's {@code syncConfig}, plus a 5 s overlap, 1000-row pages and a 2 min push lease. */
    public static SyncConfig defaults() {
        return new SyncConfig(3, 1000, 50, 30_000, 1000, 30_000, 5, 1000, Duration.ofMinutes(2));
    }

    public SyncConfig withAutoSyncInterval(long millis) {
        return new SyncConfig(
                maxRetryAttempts,
                retryDelayMs,
                batchSize,
                millis,
                offlineQueueLimit,
                syncTimeoutMs,
                overlapSeconds,
                pageSize,
                pushLease);
    }

    public SyncConfig withPageSize(int rows) {
        return new SyncConfig(
                maxRetryAttempts,
                retryDelayMs,
                batchSize,
                autoSyncInterval,
                offlineQueueLimit,
                syncTimeoutMs,
                overlapSeconds,
                rows,
                pushLease);
    }
}
