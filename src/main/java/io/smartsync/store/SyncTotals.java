package io.smartsync.store;

/**
 * Totals over the members and the sync history, for the seed's {@code SyncMetrics}.
 *
 * @param avgSyncMillis mean duration of member syncs (initial and incremental), 0 without any
 * @param dataTransferSaved bytes a full reload at every incremental sync would have cost (the member's
 *     notes times the mean row size seen in initial syncs) minus what those syncs cost; never below 0
 * @param caspioCallsThisMonth Caspio requests made in the current calendar month (UTC)
 */
public record SyncTotals(
        int totalMembers,
        int syncedMembers,
        int pendingSyncs,
        int failedSyncs,
        long avgSyncMillis,
        long dataTransferSaved,
        long caspioCallsThisMonth) {}
