package io.smartsync.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * The sync settings, with the seed's names and defaults. Built once with {@link #builder()}, validated
 * at {@code build()} with messages that name the setting, immutable after.
 *
 * @param overlapSeconds how far before the cursor an incremental pull starts, to catch rows committed
 *     late with an older stamp and ties at a page boundary
 * @param pageSize rows per Caspio read (Caspio answers at most 1000)
 * @param pushLease how long a claimed outbox entry stays with this instance before another may take it,
 *     unless the heartbeat renews it: short, so the claims of an instance that died come back in seconds
 * @param pushHeartbeat how often the claims of pushes still running are renewed; the lease must be at
 *     least three heartbeats, so one late or failed renewal never lets another instance take a running push
 * @param pushConcurrency how many notes this instance pushes at once (one write per note at a time)
 * @param conflictPolicy how a local edit that meets a changed Caspio row is settled
 * @param selectionDeadlineMs how long a selection waits for its pull before answering from the store
 *     (marked stale) while the pull goes on in the background
 * @param reconcileIntervalMs how often the members stored here are checked for rows deleted in Caspio (in the
 *     background: one COUNT per OR chain of members, counts by member only where a total differs)
 * @param tableReconcileIntervalMs how often the keys of the members stored here (of the whole table, when
 *     they hold half its rows or more) are listed to find deleted rows: the safety net behind the
 *     per-member checks and webhooks
 * @param historyRetentionDays how long the sync history is kept (pushed outbox entries are removed at
 *     once)
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
        Duration pushLease,
        Duration pushHeartbeat,
        int pushConcurrency,
        ConflictPolicy conflictPolicy,
        long selectionDeadlineMs,
        long reconcileIntervalMs,
        long tableReconcileIntervalMs,
        int historyRetentionDays) {

    /** A lease spans at least this many heartbeats. */
    private static final int LEASE_HEARTBEATS = 3;

    private static final int MAX_PUSH_CONCURRENCY = 100;

    public SyncConfig {
        if (maxRetryAttempts < 0) {
            throw new IllegalArgumentException("maxRetryAttempts must be 0 or more, was " + maxRetryAttempts);
        }
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
        if (pushHeartbeat == null || pushHeartbeat.isNegative() || pushHeartbeat.isZero()) {
            throw new IllegalArgumentException("pushHeartbeat must be positive, was " + pushHeartbeat);
        }
        if (pushLease.compareTo(pushHeartbeat.multipliedBy(LEASE_HEARTBEATS)) < 0) {
            throw new IllegalArgumentException("pushLease must be at least " + LEASE_HEARTBEATS
                    + " x pushHeartbeat, so a late renewal never hands a running push to another instance; was "
                    + pushLease.toMillis() + " ms with pushHeartbeat " + pushHeartbeat.toMillis() + " ms");
        }
        if (pushConcurrency < 1 || pushConcurrency > MAX_PUSH_CONCURRENCY) {
            throw new IllegalArgumentException(
                    "pushConcurrency must be between 1 and " + MAX_PUSH_CONCURRENCY + ", was " + pushConcurrency);
        }
        Objects.requireNonNull(conflictPolicy, "conflictPolicy");
        positive("selectionDeadlineMs", selectionDeadlineMs);
        positive("reconcileIntervalMs", reconcileIntervalMs);
        positive("tableReconcileIntervalMs", tableReconcileIntervalMs);
        positive("historyRetentionDays", historyRetentionDays);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /**
     * The seed's {@code syncConfig}, plus a 5 s overlap, 1000-row pages, a 15 s lease renewed every 5 s, 10
     * notes pushed at once, last-write-wins.
     */
    public static SyncConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxRetryAttempts = maxRetryAttempts;
        b.retryDelayMs = retryDelayMs;
        b.batchSize = batchSize;
        b.autoSyncInterval = autoSyncInterval;
        b.offlineQueueLimit = offlineQueueLimit;
        b.syncTimeoutMs = syncTimeoutMs;
        b.overlapSeconds = overlapSeconds;
        b.pageSize = pageSize;
        b.pushLease = pushLease;
        // A derived heartbeat is derived again from whatever lease the copy gets.
        b.pushHeartbeat = pushHeartbeat.equals(defaultHeartbeat(pushLease)) ? null : pushHeartbeat;
        b.pushConcurrency = pushConcurrency;
        b.conflictPolicy = conflictPolicy;
        b.selectionDeadlineMs = selectionDeadlineMs;
        b.reconcileIntervalMs = reconcileIntervalMs;
        b.tableReconcileIntervalMs = tableReconcileIntervalMs;
        b.historyRetentionDays = historyRetentionDays;
        return b;
    }

    private static Duration defaultHeartbeat(Duration lease) {
        Duration third = lease.dividedBy(LEASE_HEARTBEATS);
        Duration most = Duration.ofSeconds(5);
        return third.compareTo(most) > 0 ? most : third.isZero() ? lease : third;
    }

    /** Collects settings; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private int maxRetryAttempts = 3;
        private long retryDelayMs = 1000;
        private int batchSize = 50;
        private long autoSyncInterval = 30_000;
        private int offlineQueueLimit = 1000;
        private long syncTimeoutMs = 30_000;
        private long overlapSeconds = 5;
        private int pageSize = 1000;
        private Duration pushLease = Duration.ofSeconds(15);
        /** Unset: a third of the lease, at most 5 s, so setting only a short lease stays valid. */
        private Duration pushHeartbeat;

        private int pushConcurrency = 10;
        private ConflictPolicy conflictPolicy = ConflictPolicy.LAST_WRITE_WINS;
        private long selectionDeadlineMs = 2000;
        private long reconcileIntervalMs = 300_000;
        private long tableReconcileIntervalMs = 86_400_000;
        private int historyRetentionDays = 90;

        private Builder() {}

        public Builder maxRetryAttempts(int v) {
            maxRetryAttempts = v;
            return this;
        }

        public Builder retryDelayMs(long v) {
            retryDelayMs = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder autoSyncInterval(long v) {
            autoSyncInterval = v;
            return this;
        }

        public Builder offlineQueueLimit(int v) {
            offlineQueueLimit = v;
            return this;
        }

        public Builder syncTimeoutMs(long v) {
            syncTimeoutMs = v;
            return this;
        }

        public Builder overlapSeconds(long v) {
            overlapSeconds = v;
            return this;
        }

        public Builder pageSize(int v) {
            pageSize = v;
            return this;
        }

        public Builder pushLease(Duration v) {
            pushLease = v;
            return this;
        }

        public Builder pushHeartbeat(Duration v) {
            pushHeartbeat = v;
            return this;
        }

        public Builder pushConcurrency(int v) {
            pushConcurrency = v;
            return this;
        }

        public Builder conflictPolicy(ConflictPolicy v) {
            conflictPolicy = v;
            return this;
        }

        public Builder selectionDeadlineMs(long v) {
            selectionDeadlineMs = v;
            return this;
        }

        public Builder reconcileIntervalMs(long v) {
            reconcileIntervalMs = v;
            return this;
        }

        public Builder tableReconcileIntervalMs(long v) {
            tableReconcileIntervalMs = v;
            return this;
        }

        public Builder historyRetentionDays(int v) {
            historyRetentionDays = v;
            return this;
        }

        public SyncConfig build() {
            return new SyncConfig(
                    maxRetryAttempts,
                    retryDelayMs,
                    batchSize,
                    autoSyncInterval,
                    offlineQueueLimit,
                    syncTimeoutMs,
                    overlapSeconds,
                    pageSize,
                    pushLease,
                    pushHeartbeat != null || pushLease == null ? pushHeartbeat : defaultHeartbeat(pushLease),
                    pushConcurrency,
                    conflictPolicy,
                    selectionDeadlineMs,
                    reconcileIntervalMs,
                    tableReconcileIntervalMs,
                    historyRetentionDays);
        }
    }
}
