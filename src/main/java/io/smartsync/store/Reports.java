package io.smartsync.store;

import java.time.YearMonth;

/** Read-mostly figures for health checks, meters and the dashboard. Thread-safe. */
public interface Reports {
    QueueStats queue();

    SyncTotals syncTotals(YearMonth month);

    /** Adds Caspio calls made in {@code month} to its running total, which survives restarts. */
    void addCaspioUsage(YearMonth month, long requests, long bytesIn, long bytesOut);

    /** Records the size of Caspio rows as a full read just answered them, by {@code PK_ID}. */
    void recordRowBytes(java.util.Map<Long, Integer> bytesByPk);

    /** A trivial query: true when the store answers. */
    boolean reachable();
}
