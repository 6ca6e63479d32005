package io.smartsync.sync;

/**
 * The seed's {@code SyncMetrics}, plus the two counters {@code dataTransferSaved} is the difference of,
 * and the Caspio calls made this calendar month (UTC), which the account's plan counts.
 *
 * @param totalMembers members known here: selected or synced at least once, whatever their status
 * @param syncedMembers members whose initial sync finished
 * @param avgSyncTime mean duration of a member's sync in milliseconds
 * @param dataTransferSaved {@code fullReloadBytes - caspioBytes}; negative while background traffic
 *     outweighs what the visits would have fetched
 * @param fullReloadBytes what reading all of the member's rows from Caspio would have fetched, summed over
 *     every visit served (cached ones included)
 * @param caspioBytes every byte exchanged with Caspio: request URIs and bodies sent, answer bodies received
 */
public record SyncMetrics(
        int totalMembers,
        int syncedMembers,
        int pendingSyncs,
        int failedSyncs,
        long avgSyncTime,
        long dataTransferSaved,
        long fullReloadBytes,
        long caspioBytes,
        long caspioCallsThisMonth) {}
