package io.smartsync.bench;

import io.smartsync.store.SyncRun;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Smart sync's Caspio traffic per hour of staff use, from a window in which an hour's visits are played
 * faster than real time while the service runs at its own real intervals.
 *
 * <p>The visits' own calls come from the service's record of each sync run (initial, incremental, and
 * the member reconcile a selection may add) and are the hour's. Everything else the emulator counted in
 * the window is background (poll, table reconcile, token, fields): see {@link #hourly}. A table reconcile runs every {@code --reconcile}, so a window
 * holds none or one of them by chance; the real-pace figure takes those out and puts back as many as an
 * hour holds, {@code 3600 / (interval + duration)}, at the average cost the service recorded for them.
 * Reads carry no request body, so the emulator's bytes for them are the answers' bodies, which is what
 * the service records as bytes in.
 */
record HourModel(
        Cost firstVisits,
        Cost returnVisits,
        Cost background,
        Cost hourMeasured,
        Cost hourRealPace,
        int reconcilesSampled,
        double reconcileSeconds,
        Cost reconcileAverage,
        long reconcilesInWindow,
        double reconcilesPerHour) {

    /** An idle poll's answer, {@code {"Result":[]}}. */
    static final int IDLE_POLL_BYTES = 13;

    /** Requests and bytes, as doubles so they can be averaged and scaled. */
    record Cost(double requests, double bytes) {
        static final Cost NONE = new Cost(0, 0);

        static Cost of(Traffic t) {
            return new Cost(t.totalRequests(), t.bytes());
        }

        static Cost of(List<SyncRun> runs) {
            return new Cost(
                    runs.stream().mapToLong(SyncRun::requests).sum(),
                    runs.stream().mapToLong(SyncRun::bytesIn).sum());
        }

        Cost plus(Cost o) {
            return new Cost(requests + o.requests, bytes + o.bytes);
        }

        Cost minus(Cost o) {
            return new Cost(requests - o.requests, bytes - o.bytes);
        }

        Cost times(double f) {
            return new Cost(requests * f, bytes * f);
        }
    }

    static HourModel of(Measured m) {
        Workload w = m.workload();
        WindowRun.Result s = m.smartWindow();
        List<SyncRun> window = m.history().stream()
                .filter(r ->
                        !r.startedAt().isBefore(s.startedAt()) && r.startedAt().isBefore(s.endedAt()))
                .toList();
        Cost first = Cost.of(only(window, r -> r.kind().equals("initial")));
        Cost back = Cost.of(only(
                window,
                r -> r.kind().equals("incremental") || (r.kind().equals("reconcile") && r.clientId2() != null)));
        Cost background = Cost.of(s.total()).minus(first).minus(back);
        double windowHours = Math.max(1, s.real().toMillis()) / 3_600_000.0;
        Cost visits = first.plus(back).times(w.perHour());
        Cost measured = visits.plus(hourly(background, windowHours, w.perHour()));

        Predicate<SyncRun> table = r -> r.kind().equals("reconcile") && r.clientId2() == null;
        List<SyncRun> all = only(m.history(), table.and(r -> r.outcome().equals("ok")));
        List<SyncRun> inWindow = only(window, table);
        if (all.isEmpty()) {
            return new HourModel(first, back, background, measured, measured, 0, 0, Cost.NONE, 0, 0);
        }
        double seconds = all.stream().mapToLong(SyncRun::durationMs).average().orElse(0) / 1000;
        Cost average = Cost.of(all).times(1.0 / all.size());
        double perHour = 3600 / (w.reconcileInterval().toSeconds() + seconds);
        Cost realPace = visits.plus(hourly(background.minus(Cost.of(inWindow)), windowHours, w.perHour()))
                .plus(average.times(perHour));
        return new HourModel(
                first, back, background, measured, realPace, all.size(), seconds, average, inWindow.size(), perHour);
    }

    /**
     * The window's background over an hour. Its requests (poll, token) run at real pace, so they scale by
     * an hour over the window's real length. Its bytes are nearly all the changed rows the poll fetched,
     * and the window holds {@code 1 / perHour} of an hour's changes, so they scale by {@code perHour};
     * the requests the first scaling adds beyond that are charged at what an idle poll's answer costs.
     */
    static Cost hourly(Cost window, double windowHours, double perHour) {
        double requests = window.requests() / windowHours;
        double idle = Math.max(0, requests - window.requests() * perHour);
        return new Cost(requests, window.bytes() * perHour + idle * IDLE_POLL_BYTES);
    }

    private static List<SyncRun> only(List<SyncRun> runs, Predicate<SyncRun> which) {
        return runs.stream().filter(which).toList();
    }

    /** Runs that started between two instants. */
    static List<SyncRun> between(List<SyncRun> runs, Instant from, Instant to) {
        return only(runs, r -> !r.startedAt().isBefore(from) && r.startedAt().isBefore(to));
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("firstVisitsOwn", firstVisits);
        m.put("returnVisitsOwn", returnVisits);
        m.put("backgroundInWindow", background);
        m.put("tableReconcilesSampled", reconcilesSampled);
        m.put("tableReconcileSeconds", reconcileSeconds);
        m.put("tableReconcileAverage", reconcileAverage);
        m.put("tableReconcilesInWindow", reconcilesInWindow);
        m.put("tableReconcilesPerRealHour", reconcilesPerHour);
        return m;
    }
}
