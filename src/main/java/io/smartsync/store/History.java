package io.smartsync.store;

import java.time.Instant;
import java.util.List;

/**
 * The history of sync runs, kept for a number of days. Every method is one transaction; implementations
 * are safe for use from many threads.
 */
public interface History {
    void recordRun(SyncRun run);

    /** Drops sync history older than {@code before}; answers how many runs. */
    int pruneRuns(Instant before);

    /** The newest sync runs first. */
    List<SyncRun> recentRuns(int limit);
}
