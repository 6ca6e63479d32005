package io.smartsync.cli.bench;

import io.smartsync.cli.bench.Figure.Compare;
import io.smartsync.store.SyncRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The figures that are not about visits: initial-sync throughput, writes reaching Caspio, memory. */
final class ThroughputFigures {
    private static final double MIB = 1024.0 * 1024.0;

    private ThroughputFigures() {}

    static void initial(Measured m, List<Figure> f, Map<String, Object> details) {
        InitialSync.Result t = m.traditionalInitial();
        InitialSync.Result s = m.smartInitial();
        Instant windowStart =
                m.smartWindow() == null ? Instant.MAX : m.smartWindow().startedAt();
        List<SyncRun> initial = m.history().stream()
                .filter(r -> r.kind().equals("initial") && r.startedAt().isBefore(windowStart))
                .toList();
        long requests = initial.stream().mapToLong(SyncRun::requests).sum();
        f.add(new Figure(
                "initialSync.notes",
                "initial sync: notes (zero latency)",
                "notes",
                of(t, r -> (double) r.notes()),
                (double) s.notes(),
                Compare.NONE));
        f.add(new Figure(
                "initialSync.notesPerSecond",
                "initial sync: throughput",
                "notes/s",
                of(t, InitialSync.Result::notesPerSecond),
                s.notesPerSecond(),
                Compare.HIGHER));
        f.add(new Figure(
                "initialSync.seconds",
                "initial sync: wall time",
                "s",
                of(t, InitialSync.Result::seconds),
                s.seconds(),
                Compare.FASTER));
        f.add(new Figure(
                "initialSync.requests",
                "initial sync: Caspio requests",
                "requests",
                of(t, r -> (double) r.traffic().totalRequests()),
                (double) requests,
                Compare.FEWER));
        double ideal = Math.ceil(s.notes() / 1000.0);
        f.add(new Figure(
                "initialSync.idealRequests", "initial sync: ceil(N/1000)", "requests", ideal, ideal, Compare.NONE));
        details.put(
                "initialSync",
                Map.of(
                        "members", s.members(),
                        "parallelism", m.workload().parallelism(),
                        "smartSyncStaleAnswers", s.stale(),
                        "failed", s.failures(),
                        "smartSyncRequestsByRun", "counted by the service's client per initial run (count + pages)",
                        "smartSyncEmulatorTraffic", s.traffic().toJson()));
    }

    /** A traditional figure, or null where the run measured none. */
    private static Double of(InitialSync.Result r, ToDoubleFunction<InitialSync.Result> figure) {
        return r == null ? null : figure.applyAsDouble(r);
    }

    static void push(Measured m, List<Figure> f) {
        PushRun.Result t = m.traditionalPush();
        PushRun.Result s = m.smartPush();
        f.add(new Figure(
                "push.accepted.p50Ms",
                "write: note accepted, p50",
                "ms",
                Figure.percentile(t.acceptedMs(), 50),
                Figure.percentile(s.acceptedMs(), 50),
                Compare.FASTER));
        f.add(new Figure(
                "push.timeToCaspio.p50Ms",
                "write: time to Caspio, p50 (online)",
                "ms",
                Figure.percentile(t.toCaspioMs(), 50),
                Figure.percentile(s.toCaspioMs(), 50),
                Compare.FASTER));
        f.add(new Figure("push.backlog.notes", "backlog: notes", "notes", null, (double) s.backlog(), Compare.NONE));
        f.add(new Figure(
                "push.backlog.notesPerSecond",
                "push rate, online backlog (traditional: direct writes)",
                "notes/s",
                t.notesPerSecond(),
                s.notesPerSecond(),
                Compare.HIGHER));
        f.add(new Figure(
                "push.offline.notesPerSecond",
                "offline backlog: notes/s from Caspio's return",
                "notes/s",
                null,
                s.offlineNotesPerSecond(),
                Compare.NONE));
        f.add(new Figure(
                "push.offline.drainSeconds",
                "offline backlog: Caspio back to last note in",
                "s",
                null,
                s.offlineDrainSeconds(),
                Compare.NONE));
    }

    static void memory(Measured m, List<Figure> f, Map<String, Object> details) {
        f.add(new Figure(
                "memory.peakHeapMiB",
                "service peak heap used",
                "MiB",
                null,
                m.heap().peakUsedBytes() / MIB,
                Compare.NONE));
        f.add(new Figure(
                "memory.maxLiveHeapMiB",
                "service heap live after GC, max",
                "MiB",
                null,
                m.heap().maxLiveBytes() / MIB,
                Compare.NONE));
        f.add(new Figure(
                "memory.peakRssMiB",
                "service peak RSS",
                "MiB",
                null,
                m.peakRss().isPresent() ? m.peakRss().getAsLong() / MIB : null,
                Compare.NONE));
        details.put("serviceHeapLimit", m.workload().serviceHeap());
        details.put("gcPauses", m.heap().collections());
    }
}
