package io.smartsync.sync;

import java.time.Instant;
import java.util.List;

/**
 * The sync history a dashboard charts: Caspio traffic per hour over a window, and the latest member
 * syncs. Ids and counts only.
 *
 * @param hours one bucket per hour, oldest first, hours without runs included
 * @param recent the latest member syncs (initial and incremental), newest first
 * @param incrementalBytesIn bytes the incremental member syncs of the retained history fetched: what
 *     {@link SyncMetrics#dataTransferSaved()} is saved against
 */
public record SyncHistory(List<Hour> hours, List<Run> recent, long incrementalBytesIn) {
    public SyncHistory {
        hours = List.copyOf(hours);
        recent = List.copyOf(recent);
    }

    /** The runs that started in one hour: how many, the Caspio calls and bytes they cost, their mean length. */
    public record Hour(Instant start, int runs, long requests, long bytesIn, long bytesOut, long avgDurationMs) {}

    /** One member sync. */
    public record Run(
            Instant startedAt,
            String kind,
            String clientId2,
            long durationMs,
            int requests,
            long bytesIn,
            int newNotes,
            String outcome) {}
}
