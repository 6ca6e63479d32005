package io.smartsync.store;

/**
 * Totals over the members and the sync history, for the seed's {@code SyncMetrics}.
 *
 * @param totalMembers members known here: selected or synced at least once, whatever their status
 * @param syncedMembers members whose initial sync finished
 * @param avgSyncMillis mean duration of member syncs (initial and incremental), 0 without any
 * @param fullReloadBytes what reading the member's every row from Caspio would have fetched, summed over
 *     every visit served (cached ones included), from the sizes of the stored rows at that moment
 * @param caspioBytes every byte this service exchanged with Caspio (requests and answers, poll, checks,
 *     pushes and tokens included)
 * @param caspioCallsThisMonth Caspio requests made in the current calendar month (UTC)
 */
public record SyncTotals(
        int totalMembers,
        int syncedMembers,
        int pendingSyncs,
        int failedSyncs,
        long avgSyncMillis,
        long fullReloadBytes,
        long caspioBytes,
        long caspioCallsThisMonth) {

    /** Full reloads minus what really crossed: negative while background traffic outweighs the visits. */
    public long dataTransferSaved() {
        return fullReloadBytes - caspioBytes;
    }
}
