package io.smartsync.bench;

import io.smartsync.bench.Figure.Compare;
import io.smartsync.bench.HourModel.Cost;
import io.smartsync.store.SyncRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one run's raw results into the figures of the table, the two approaches side by side. The visit
 * figures are made here; {@link ThroughputFigures} makes the rest.
 */
final class Figures {

    /** One run's table and the context that explains it. */
    record RunReport(String label, int members, long notes, List<Figure> figures, Map<String, Object> details) {
        Map<String, Object> toJson() {
            Map<String, Object> figs = new LinkedHashMap<>();
            figures.forEach(f -> figs.put(f.key(), f.toJson()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", label);
            m.put("members", members);
            m.put("notes", notes);
            m.put("figures", figs);
            m.put("details", details);
            return m;
        }

        Figure figure(String key) {
            return figures.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
        }
    }

    private Figures() {}

    static RunReport of(Measured m) {
        List<Figure> f = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        if (m.smartWindow() != null) {
            window(m, f, details);
        }
        ThroughputFigures.initial(m, f, details);
        if (m.smartPush() != null) {
            ThroughputFigures.push(m, f);
        }
        ReadsPhase.figures(m.reads(), f, details);
        ThroughputFigures.memory(m, f, details);
        return new RunReport(m.label(), m.workload().members(), m.notes(), f, details);
    }

    private static void window(Measured m, List<Figure> f, Map<String, Object> details) {
        // A background run that overlapped a return visit is charged to the background, not to the visit.
        WindowRun.Result s = m.smartWindow().withBackgroundOverlapsMoved(m.history());
        selections(m.traditionalWindow(), s, f);
        Background bg = m.background();
        HourModel hour =
                HourModel.of(m.workload(), s, bg.quiet(), bg.quietSeconds(), bg.tableCheck(), bg.tableCheckSeconds());
        costs(m, hour, f);
        windowDetails(m, hour, details);
    }

    /** How long selections took, first and return visits, at three percentiles. */
    private static void selections(WindowRun.Result t, WindowRun.Result s, List<Figure> f) {
        for (String visit : List.of("first", "return")) {
            for (int q : new int[] {50, 95, 99}) {
                List<Double> tm = visit.equals("first") ? t.firstMs() : t.returnMs();
                List<Double> sm = visit.equals("first") ? s.firstMs() : s.returnMs();
                f.add(new Figure(
                        "selection." + visit + "Visit.p" + q + "Ms",
                        visit + " visit, p" + q,
                        "ms",
                        Figure.percentile(tm, q),
                        Figure.percentile(sm, q),
                        Compare.FASTER));
            }
        }
        if (!s.floorMs().isEmpty()) {
            f.add(new Figure(
                    "selection.returnVisit.floorP50Ms",
                    "HTTP floor after a return visit (GET /health/live), p50",
                    "ms",
                    null,
                    Figure.percentile(s.floorMs(), 50),
                    Compare.NONE));
        }
    }

    /** What the visits cost in Caspio calls, per visit and per hour, on both sides. */
    private static void costs(Measured m, HourModel hour, List<Figure> f) {
        WindowRun.Result t = m.traditionalWindow();
        Workload w = m.workload();
        double firsts = Math.max(1, m.plan().firstVisits());
        double returns = Math.max(1, m.plan().returnVisits());
        Cost tFirst = Cost.of(t.firstVisits());
        Cost tRest = Cost.of(t.total()).minus(tFirst);
        Cost tHour = Cost.of(t.total()).times(w.perHour());
        add(f, "caspio.perFirstVisit", "per first visit, its own calls", tFirst, hour.firstVisits(), 1 / firsts);
        // The background exists to make return visits cheap, so an hour of it is charged to them.
        Cost sRest = hour.hour().times(1 / w.perHour()).minus(hour.firstVisits());
        add(f, "caspio.perReturnVisit", "per return visit, background included", tRest, sRest, 1 / returns);
        add(
                f,
                "caspio.perReturnVisitOwn",
                "per return visit, its own calls",
                Cost.of(t.returnVisits()),
                hour.returnVisits(),
                1 / returns);
        add(f, "caspio.perHour", "per hour of staff use", tHour, hour.hour(), 1);
    }

    private static void windowDetails(Measured m, HourModel hour, Map<String, Object> details) {
        WindowRun.Result t = m.traditionalWindow();
        WindowRun.Result s = m.smartWindow();
        List<SyncRun> inWindow = HourModel.between(m.history(), s.startedAt(), s.endedAt());
        List<SyncRun> polls =
                inWindow.stream().filter(r -> r.kind().equals("poll")).toList();
        details.put("firstVisits", m.plan().firstVisits());
        details.put("returnVisits", m.plan().returnVisits());
        details.put("caspioChangesInWindow", m.plan().caspioChanges());
        details.put("answers", Map.of("traditional", t.answers(), "smartSync", s.answers()));
        details.put("windowRealSeconds", Map.of("traditional", seconds(t), "smartSync", seconds(s)));
        details.put("smartSyncVisitsBehindSchedule", s.lateVisits());
        details.put(
                "windowTraffic",
                Map.of("traditional", t.total().toJson(), "smartSync", s.total().toJson()));
        details.put("smartSyncRunsInWindow", runsByKind(inWindow));
        details.put("pollsInWindow", polls.size());
        details.put("background", m.background().toJson());
        details.put(
                "smartSyncReturnVisitsWithCaspioCalls",
                s.costlyReturns().stream().map(v -> v.toJson(m.history())).toList());
        details.put("hourModel", hour.toJson());
    }

    private static double seconds(WindowRun.Result r) {
        return r.real().toMillis() / 1000.0;
    }

    /** @param times 1/visits for a per-visit figure, 1 for a per-hour one */
    private static void add(List<Figure> f, String key, String label, Cost t, Cost s, double times) {
        f.add(new Figure(
                key + ".requests",
                "Caspio requests " + label,
                "requests",
                t.requests() * times,
                s.requests() * times,
                Compare.FEWER));
        f.add(new Figure(
                key + ".bytes",
                "Caspio bytes on the wire " + label,
                "bytes",
                t.bytes() * times,
                s.bytes() * times,
                Compare.FEWER));
    }

    /** Runs, requests and bytes by kind, as the service's client counted them (URI and bodies, no headers). */
    private static Map<String, Object> runsByKind(List<SyncRun> runs) {
        Map<String, long[]> sums = new TreeMap<>();
        for (SyncRun r : runs) {
            String kind = r.kind() + (r.kind().equals("reconcile") && r.clientId2() != null ? " (member)" : "");
            long[] s = sums.computeIfAbsent(kind, k -> new long[3]);
            s[0]++;
            s[1] += r.requests();
            s[2] += r.bytesIn() + r.bytesOut();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        sums.forEach((k, s) -> out.put(k, Map.of("runs", s[0], "requests", s[1], "bytes", s[2])));
        return out;
    }
}
