package io.smartsync.bench;

import io.smartsync.bench.Figures.RunReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The targets, checked against what a run measured and reported as met or missed. Reported, never
 * asserted: a missed target is a finding, not a failed build.
 */
final class Targets {
    private Targets() {}

    static List<Map<String, Object>> evaluate(Workload w, List<RunReport> runs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RunReport run : runs) {
            Figure back = run.figure("selection.returnVisit.p50Ms");
            if (back != null) {
                add(
                        out,
                        run,
                        "return visits faster than traditional (p50, "
                                + w.latency().toMillis() + " ms latency)",
                        back.ratio(),
                        50,
                        "×");
            }
            Figure bytes = run.figure("caspio.perReturnVisit.bytes");
            if (bytes != null) {
                add(
                        out,
                        run,
                        "fewer bytes per return visit, background included (" + w.changeRate() * 100
                                + "% daily change)",
                        bytes.reductionPercent(),
                        99,
                        "%");
            }
            Figure initial = run.figure("initialSync.notesPerSecond");
            if (initial != null) {
                add(out, run, "initial-sync throughput at zero latency, notes/s", initial.smartSync(), 20_000, "");
            }
            Figure notes = run.figure("initialSync.notes");
            if (notes != null && notes.smartSync() != null && run.figure("selection.firstVisit.p50Ms") == null) {
                add(
                        out,
                        run,
                        "of the table's " + run.notes() + " notes synced by a service with -Xmx" + w.serviceHeap()
                                + " (emulator in its own process), %",
                        run.notes() == 0 ? null : 100.0 * notes.smartSync() / run.notes(),
                        100,
                        "%");
            }
        }
        return out;
    }

    private static void add(
            List<Map<String, Object>> out, RunReport run, String what, Double measured, double target, String unit) {
        boolean met = measured != null && measured >= target;
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("run", run.label());
        t.put("what", what);
        t.put("target", target);
        t.put("measured", measured);
        t.put("met", met);
        t.put(
                "text",
                String.format(
                        Locale.ROOT,
                        "%s: %s %s: %s%s (target ≥ %s%s)",
                        met ? "met" : "MISSED",
                        run.label(),
                        what,
                        measured == null ? "n/a" : Figure.number(measured),
                        unit,
                        Figure.number(target),
                        unit));
        out.add(t);
    }
}
