package io.smartsync.cli.bench;

import io.smartsync.cli.bench.Figure.Compare;
import io.smartsync.store.SyncRun;
import java.time.Instant;
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
        ThroughputFigures.memory(m, f, details);
        return new RunReport(m.label(), m.workload().members(), m.notes(), f, details);
    }

    private static void window(Measured m, List<Figure> f, Map<String, Object> details) {
        WindowRun.Result t = m.traditionalWindow();
        WindowRun.Result s = m.smartWindow();
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
        Workload w = m.workload();
        double firsts = Math.max(1, m.plan().firstVisits());
        double returns = Math.max(1, m.plan().returnVisits());
        traffic(
                f,
                "caspio.perFirstVisit",
                "per first visit, its own calls",
                t.firstVisits(),
                s.firstVisits(),
                1 / firsts);
        // Everything but the first visits' own calls, spread over the return visits: the poll and the
        // reconcile exist to make return visits cheap, so they are charged to them (reconciles at real pace).
        RealPace pace = RealPace.of(m);
        Traffic tRest = t.total().minus(t.firstVisits());
        double sRestRequests =
                pace.hourRequests() / w.perHour() - s.firstVisits().totalRequests();
        double sRestBytes = pace.hourBytes() / w.perHour() - s.firstVisits().bytes();
        f.add(new Figure(
                "caspio.perReturnVisit.requests",
                "Caspio requests per return visit, background included",
                "requests",
                tRest.totalRequests() / returns,
                sRestRequests / returns,
                Compare.FEWER));
        f.add(new Figure(
                "caspio.perReturnVisit.bytes",
                "Caspio bytes per return visit, background included",
                "bytes",
                tRest.bytes() / returns,
                sRestBytes / returns,
                Compare.FEWER));
        traffic(
                f,
                "caspio.perReturnVisitOwn",
                "per return visit, its own calls",
                t.returnVisits(),
                s.returnVisits(),
                1 / returns);
        traffic(f, "caspio.perHour", "per hour of staff use", t.total(), s.total(), w.perHour());
        f.add(new Figure(
                "caspio.perHourRealPace.requests",
                "Caspio requests per hour, reconciles at real pace",
                "requests",
                t.total().totalRequests() * w.perHour(),
                pace.hourRequests(),
                Compare.FEWER));
        f.add(new Figure(
                "caspio.perHourRealPace.bytes",
                "Caspio bytes per hour, reconciles at real pace",
                "bytes",
                t.total().bytes() * w.perHour(),
                pace.hourBytes(),
                Compare.FEWER));

        List<SyncRun> inWindow = between(m.history(), s.startedAt(), s.endedAt());
        List<SyncRun> polls =
                inWindow.stream().filter(r -> r.kind().equals("poll")).toList();
        double pollSeconds =
                polls.stream().mapToLong(SyncRun::durationMs).average().orElse(0) / 1000;
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
        details.put(
                "pollsAtRealPace", w.window().toSeconds() / (w.pollInterval().toSeconds() + pollSeconds));
        details.put("tableReconcile", pace.toJson());
        details.put("forcedTableCheckSeconds", m.force().nanos() / 1e9);
    }

    private static double seconds(WindowRun.Result r) {
        return r.real().toMillis() / 1000.0;
    }

    /** @param times multiplies the traffic: 1/visits for a per-visit figure, 60/minutes for a per-hour one */
    private static void traffic(List<Figure> f, String key, String label, Traffic t, Traffic s, double times) {
        f.add(new Figure(
                key + ".requests",
                "Caspio requests " + label,
                "requests",
                t.totalRequests() * times,
                s.totalRequests() * times,
                Compare.FEWER));
        f.add(new Figure(
                key + ".bytes", "Caspio bytes " + label, "bytes", t.bytes() * times, s.bytes() * times, Compare.FEWER));
    }

    private static List<SyncRun> between(List<SyncRun> runs, Instant from, Instant to) {
        return runs.stream()
                .filter(r -> !r.startedAt().isBefore(from) && r.startedAt().isBefore(to))
                .toList();
    }

    /** Runs, requests and bytes by kind, as the service's client counted them (URI and bodies). */
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
