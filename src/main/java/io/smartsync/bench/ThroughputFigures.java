package io.smartsync.bench;

import io.smartsync.bench.Figure.Compare;
import io.smartsync.store.SyncRun;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The figures that are not about visits: initial-sync throughput, writes reaching Caspio, memory. */
final class ThroughputFigures {
    private static final double MIB = 1024.0 * 1024.0;

    private ThroughputFigures() {}

    /**
     * The initial sync, each way of Smart Sync's against the traditional load of members one by one, both
     * timed on the bench's clock and counted on the wire: the preload of the whole table by a fresh
     * service ({@code initialSync.preload.*}, per note, since the two load different numbers of notes),
     * and, where the run made them, Smart Sync's own first selections of the same members
     * ({@code initialSync.perMember.*}).
     */
    static void initial(Measured m, List<Figure> f, Map<String, Object> details) {
        InitialSync.Result t = m.traditionalInitial();
        PreloadRun.Result s = m.preload();
        f.add(new Figure(
                "initialSync.notes",
                "initial sync: notes (traditional: members one by one; Smart Sync: preload)",
                "notes",
                of(t, r -> (double) r.notes()),
                (double) s.notes(),
                Compare.NONE));
        f.add(new Figure(
                "initialSync.seconds",
                "initial sync: wall time (different notes, no ratio)",
                "s",
                of(t, InitialSync.Result::seconds),
                s.seconds(),
                Compare.NONE));
        f.add(new Figure(
                "initialSync.preload.notesPerSecond",
                "preload vs traditional member-by-member load: throughput",
                "notes/s",
                of(t, InitialSync.Result::notesPerSecond),
                s.notesPerSecond(),
                Compare.HIGHER));
        f.add(new Figure(
                "initialSync.preload.bytesPerNote",
                "preload vs traditional member-by-member load: bytes on the wire per note",
                "bytes",
                of(t, r -> perNote(r.traffic().bytes(), r.notes())),
                perNote(s.traffic().bytes(), s.notes()),
                Compare.FEWER));
        f.add(new Figure(
                "initialSync.requests",
                "initial sync: Caspio requests (different notes, no ratio)",
                "requests",
                of(t, r -> (double) r.traffic().totalRequests()),
                (double) s.requests(),
                Compare.NONE));
        f.add(new Figure(
                "initialSync.idealRequests",
                "initial sync: ceil(N/1000)",
                "requests",
                of(t, r -> Math.ceil(r.notes() / 1000.0)),
                Math.ceil(s.notes() / 1000.0),
                Compare.NONE));
        details.put("initialSync", initialDetails(m));
        if (m.smartInitial() != null) {
            perMember(m, f, details);
        }
    }

    /** What the initial sync figures rest on: how each side loaded and what the preload cost. */
    private static Map<String, Object> initialDetails(Measured m) {
        InitialSync.Result t = m.traditionalInitial();
        PreloadRun.Result s = m.preload();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("smartSync", "the preload (POST /api/sync/preload) of the whole table by a fresh service, zero latency");
        d.put("traditional", t == null ? "not measured" : t.members() + " members loaded one by one");
        d.put("preloadOutcome", s.outcome());
        d.put("preloadSecondsOnTheBenchClock", s.seconds());
        d.put("preloadSecondsAsRecordedByTheService", s.recordedSeconds());
        d.put("preloadRowsRead", s.rowsRead());
        d.put("preloadBytesIn", s.bytesIn());
        d.put("preloadWireTraffic", s.traffic().toJson());
        d.put("preloadPeakHeapMiB", s.heap().peakUsedBytes() / MIB);
        d.put("preloadPeakRssMiB", s.peakRss().isPresent() ? s.peakRss().getAsLong() / MIB : null);
        if (t != null) {
            d.put("parallelism", m.workload().parallelism());
            d.put("failed", t.failures());
        }
        return d;
    }

    /** Members selected for the first time one by one, {@code parallelism} at once, on both sides. */
    private static void perMember(Measured m, List<Figure> f, Map<String, Object> details) {
        InitialSync.Result t = m.traditionalInitial();
        InitialSync.Result s = m.smartInitial();
        Instant windowStart =
                m.smartWindow() == null ? Instant.MAX : m.smartWindow().startedAt();
        long requests = m.history().stream()
                .filter(r -> r.kind().equals("initial") && r.startedAt().isBefore(windowStart))
                .mapToLong(SyncRun::requests)
                .sum();
        f.add(new Figure(
                "initialSync.perMember.notesPerSecond",
                "member by member vs traditional member-by-member load: throughput",
                "notes/s",
                of(t, InitialSync.Result::notesPerSecond),
                s.notesPerSecond(),
                Compare.HIGHER));
        f.add(new Figure(
                "initialSync.perMember.requests",
                "member by member vs traditional member-by-member load: Caspio requests",
                "requests",
                of(t, r -> (double) r.traffic().totalRequests()),
                (double) requests,
                Compare.FEWER));
        f.add(new Figure(
                "initialSync.perMember.bytes",
                "member by member vs traditional member-by-member load: bytes on the wire",
                "bytes",
                of(t, r -> (double) r.traffic().bytes()),
                (double) s.traffic().bytes(),
                Compare.FEWER));
        details.put(
                "initialSyncPerMember",
                Map.of(
                        "members", s.members(),
                        "parallelism", m.workload().parallelism(),
                        "smartSyncStaleAnswers", s.stale(),
                        "failed", s.failures(),
                        "smartSyncRequestsByRun", "counted by the service's client per initial run (count + pages)",
                        "smartSyncWireTraffic", s.traffic().toJson()));
    }

    private static double perNote(long bytes, long notes) {
        return notes == 0 ? 0 : (double) bytes / notes;
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
                "offline backlog: notes/s from the first note in to the last",
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
        if (m.smartWindow() != null) {
            PreloadRun.Result p = m.preload();
            f.add(new Figure(
                    "memory.preload.peakHeapMiB",
                    "preload service peak heap used",
                    "MiB",
                    null,
                    p.heap().peakUsedBytes() / MIB,
                    Compare.NONE));
            f.add(new Figure(
                    "memory.preload.peakRssMiB",
                    "preload service peak RSS",
                    "MiB",
                    null,
                    p.peakRss().isPresent() ? p.peakRss().getAsLong() / MIB : null,
                    Compare.NONE));
        }
        details.put("serviceHeapLimit", m.workload().serviceHeap());
        details.put("gcPauses", m.heap().collections());
    }
}
