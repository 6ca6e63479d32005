package io.smartsync.sync;

/**
 * The seed's {@code SyncMetrics}, plus the Caspio calls made this calendar month (UTC), which the
 * account's plan counts.
 *
 * @param avgSyncTime mean duration of a member's sync in milliseconds
 * @param dataTransferSaved bytes incremental syncs saved against reloading the member in full each time
 */
public record SyncMetrics(
        int totalMembers,
        int syncedMembers,
        int pendingSyncs,
        int failedSyncs,
        long avgSyncTime,
        long dataTransferSaved,
        long caspioCallsThisMonth) {}
