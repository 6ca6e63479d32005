package io.smartsync.bench;

import io.smartsync.bench.Figures.RunReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The targets of issue 19, checked against what a run measured and reported as met or missed, each with
 * the figure it reads. Reported, never asserted: a missed target is a finding, not a failed build.
 */
final class Targets {
    /** The service's push concurrency when the bench leaves it at the default. */
    static final int DEFAULT_PUSH_CONCURRENCY = 10;

    private Targets() {}

    static List<Map<String, Object>> evaluate(Workload w, List<RunReport> runs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RunReport run : runs) {
            if (run.figure("selection.returnVisit.p50Ms") != null) {
                visits(out, run);
            }
            Figure offline = run.figure("push.offline.notesPerSecond");
            if (offline != null) {
                int concurrency = w.pushConcurrency() > 0 ? w.pushConcurrency() : DEFAULT_PUSH_CONCURRENCY;
                double rtt = Math.max(1, w.latency().toMillis()) / 1000.0;
                at(
                        out,
                        run,
                        "offline backlog drain, notes/s (0.8 × " + concurrency + " / "
                                + w.latency().toMillis() + " ms)",
                        offline.smartSync(),
                        0.8 * concurrency / rtt,
                        true,
                        "");
            }
            for (String store : List.of("sqlite", "postgresql")) {
                Figure p99 = run.figure("reads." + store + ".openLoop.p99Ms");
                if (p99 != null) {
                    at(out, run, p99.label(), p99.smartSync(), 5, false, " ms");
                }
            }
            Figure sqlite = run.figure("reads.sqlite.saturated.readsPerSecond");
            if (sqlite != null) {
                at(out, run, "SQLite saturated, member reads/s", sqlite.smartSync(), 2500, true, "");
            }
            Figure pg = run.figure("reads.postgresql.saturated.readsPerSecond");
            if (pg != null) {
                at(out, run, "PostgreSQL saturated, member reads/s", pg.smartSync(), 1000, true, "");
            }
            Figure notes = run.figure("initialSync.notes");
            if (notes != null && notes.smartSync() != null && run.figure("selection.firstVisit.p50Ms") == null) {
                at(
                        out,
                        run,
                        "of the table's " + run.notes() + " notes synced by a service with -Xmx" + w.serviceHeap()
                                + " (emulator in its own process), %",
                        run.notes() == 0 ? null : 100.0 * notes.smartSync() / run.notes(),
                        100,
                        true,
                        "%");
            }
        }
        return out;
    }

    private static void visits(List<Map<String, Object>> out, RunReport run) {
        at(
                out,
                run,
                "Caspio requests per return visit, its own calls",
                smart(run, "caspio.perReturnVisitOwn.requests"),
                0,
                false,
                "");
        at(
                out,
                run,
                "Caspio requests per return visit, background included",
                smart(run, "caspio.perReturnVisit.requests"),
                0.3,
                false,
                "");
        Figure hour = run.figure("caspio.perHour.requests");
        at(
                out,
                run,
                "Caspio requests per hour, Smart Sync / traditional",
                hour.ratio() == null ? null : 1 / hour.ratio(),
                0.5,
                false,
                "×");
        at(
                out,
                run,
                "fewer bytes on the wire per return visit, background included",
                run.figure("caspio.perReturnVisit.bytes").reductionPercent(),
                98,
                true,
                "%");
        Double floor = smart(run, "selection.returnVisit.floorP50Ms");
        Double returnP50 = smart(run, "selection.returnVisit.p50Ms");
        at(
                out,
                run,
                "return visit p50 above the HTTP floor (p50 " + number(returnP50) + " ms, floor " + number(floor)
                        + " ms)",
                floor == null || returnP50 == null ? null : returnP50 - floor,
                1.0,
                false,
                " ms");
        at(out, run, "return visit p99", smart(run, "selection.returnVisit.p99Ms"), 10, false, " ms");
        Figure first = run.figure("selection.firstVisit.p50Ms");
        at(
                out,
                run,
                "first visit p50 above traditional's (" + number(first.smartSync()) + " vs "
                        + number(first.traditional()) + " ms)",
                first.smartSync() == null || first.traditional() == null
                        ? null
                        : first.smartSync() - first.traditional(),
                5,
                false,
                " ms");
    }

    private static Double smart(RunReport run, String key) {
        Figure f = run.figure(key);
        return f == null ? null : f.smartSync();
    }

    private static String number(Double v) {
        return v == null ? "n/a" : Figure.number(v);
    }

    /** @param atLeast the target is a floor (≥), else a ceiling (≤) */
    private static void at(
            List<Map<String, Object>> out,
            RunReport run,
            String what,
            Double measured,
            double target,
            boolean atLeast,
            String unit) {
        boolean met = measured != null && (atLeast ? measured >= target : measured <= target);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("run", run.label());
        t.put("what", what);
        t.put("target", (atLeast ? "≥ " : "≤ ") + Figure.number(target));
        t.put("measured", measured);
        t.put("met", met);
        t.put(
                "text",
                String.format(
                        Locale.ROOT,
                        "%s: %s %s: %s%s (target %s %s%s)",
                        met ? "met" : "MISSED",
                        run.label(),
                        what,
                        measured == null ? "n/a" : Figure.number(measured),
                        unit,
                        atLeast ? "≥" : "≤",
                        Figure.number(target),
                        unit));
        out.add(t);
    }
}
