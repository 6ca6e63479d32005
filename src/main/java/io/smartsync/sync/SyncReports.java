package io.smartsync.sync;

import io.smartsync.caspio.CaspioClient;
import io.smartsync.store.LocalStore;
import io.smartsync.store.QueueStats;
import io.smartsync.store.SyncTotals;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Figures about the sync for health checks, meters and the dashboard; ids and counts only. Thread-safe. */
public final class SyncReports {
    private static final Logger log = LoggerFactory.getLogger(SyncReports.class);

    private final LocalStore store;
    private final CaspioClient caspio;
    private final Clock clock;

    public SyncReports(LocalStore store, CaspioClient caspio, Clock clock) {
        this.store = store;
        this.caspio = caspio;
        this.clock = clock;
    }

    /** The seed's sync metrics, with this month's Caspio calls. */
    public SyncMetrics metrics() {
        SyncTotals t = store.reports().syncTotals(YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        return new SyncMetrics(
                t.totalMembers(),
                t.syncedMembers(),
                t.pendingSyncs(),
                t.failedSyncs(),
                t.avgSyncMillis(),
                t.dataTransferSaved(),
                t.caspioCallsThisMonth());
    }

    public QueueState queue() {
        QueueStats q = store.reports().queue();
        return new QueueState(q.pending(), q.failed(), q.oldestPendingAt());
    }

    /** True when the local store answers; without it nothing can be served or queued. */
    public boolean storeReachable() {
        try {
            return store.reports().reachable();
        } catch (RuntimeException e) {
            log.warn("the store does not answer: {}", e.toString());
            return false;
        }
    }

    /** False while Caspio's circuit breaker is open; reads and local writes go on meanwhile. */
    public boolean caspioOnline() {
        return caspio.online();
    }
}
