package io.smartsync.sync;

import io.smartsync.caspio.CaspioClient;
import io.smartsync.store.History;
import io.smartsync.store.QueueStats;
import io.smartsync.store.Reports;
import io.smartsync.store.SyncRun;
import io.smartsync.store.SyncTotals;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Figures about the sync for health checks, meters and the dashboard; ids and counts only. Thread-safe. */
public final class SyncReports {
    private static final Logger log = LoggerFactory.getLogger(SyncReports.class);

    /** The most hours a history answer spans: a week. */
    public static final int MAX_HISTORY_HOURS = 168;

    /** How many recorded runs a history answer reads, newest first. */
    static final int HISTORY_READ = 10_000;

    /** The most member syncs a history answer lists, newest first. */
    public static final int RECENT_RUNS = 50;

    private static final Set<String> MEMBER_SYNCS = Set.of("initial", "incremental");

    private final History runs;
    private final Reports reports;
    private final CaspioClient caspio;
    private final Clock clock;

    public SyncReports(History runs, Reports reports, CaspioClient caspio, Clock clock) {
        this.runs = runs;
        this.reports = reports;
        this.caspio = caspio;
        this.clock = clock;
    }

    /** The seed's sync metrics, with this month's Caspio calls. */
    public SyncMetrics metrics() {
        SyncTotals t = reports.syncTotals(YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        return new SyncMetrics(
                t.totalMembers(),
                t.syncedMembers(),
                t.pendingSyncs(),
                t.failedSyncs(),
                t.avgSyncMillis(),
                t.dataTransferSaved(),
                t.fullReloadBytes(),
                t.caspioBytes(),
                t.caspioCallsThisMonth());
    }

    /**
     * Caspio traffic per hour over the last {@code hours} hours (the current one included) and the latest
     * member syncs, from the newest {@value #HISTORY_READ} recorded runs.
     */
    public SyncHistory history(int hours) {
        if (hours < 1 || hours > MAX_HISTORY_HOURS) {
            throw new IllegalArgumentException("hours must be 1 to " + MAX_HISTORY_HOURS + ", was " + hours);
        }
        Instant first = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(hours - 1L, ChronoUnit.HOURS);
        long[][] sums = new long[hours][5]; // runs, requests, bytes in, bytes out, total ms
        List<SyncHistory.Run> recent = new ArrayList<>();
        long incrementalBytes = 0;
        for (SyncRun r : runs.recentRuns(HISTORY_READ)) {
            long slot = ChronoUnit.HOURS.between(first, r.startedAt());
            if (!r.startedAt().isBefore(first) && slot < hours) {
                long[] s = sums[(int) slot];
                s[0]++;
                s[1] += r.requests();
                s[2] += r.bytesIn();
                s[3] += r.bytesOut();
                s[4] += r.durationMs();
            }
            boolean memberSync = r.clientId2() != null && MEMBER_SYNCS.contains(r.kind());
            if (memberSync && recent.size() < RECENT_RUNS) {
                recent.add(new SyncHistory.Run(
                        r.startedAt(),
                        r.kind(),
                        r.clientId2(),
                        r.durationMs(),
                        r.requests(),
                        r.bytesIn(),
                        r.newNotes(),
                        r.outcome()));
            }
            if (memberSync && r.kind().equals("incremental")) {
                incrementalBytes += r.bytesIn();
            }
        }
        List<SyncHistory.Hour> buckets = new ArrayList<>();
        for (int i = 0; i < hours; i++) {
            long[] s = sums[i];
            buckets.add(new SyncHistory.Hour(
                    first.plus(i, ChronoUnit.HOURS), (int) s[0], s[1], s[2], s[3], s[0] == 0 ? 0 : s[4] / s[0]));
        }
        return new SyncHistory(buckets, recent, incrementalBytes);
    }

    public QueueState queue() {
        QueueStats q = reports.queue();
        return new QueueState(q.pending(), q.failed(), q.oldestPendingAt());
    }

    /** True when the local store answers; without it nothing can be served or queued. */
    public boolean storeReachable() {
        try {
            return reports.reachable();
        } catch (RuntimeException e) {
            log.warn("the store does not answer: {}", e.toString());
            return false;
        }
    }

    /** {@code closed}, {@code open} or {@code half-open}: see {@link CaspioClient#breakerState()}. */
    public String breakerState() {
        return caspio.breakerState();
    }

    /** False while Caspio's circuit breaker is open; reads and local writes go on meanwhile. */
    public boolean caspioOnline() {
        return caspio.online();
    }
}
