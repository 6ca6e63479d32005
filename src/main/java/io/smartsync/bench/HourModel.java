package io.smartsync.bench;

import io.smartsync.store.SyncRun;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Smart sync's Caspio traffic per hour of staff use, every figure counted on the wire ({@link Traffic}).
 * The window plays an hour's visits and an hour's changes in Caspio ({@code perHour} times less when the
 * window is shorter) faster than real time, while the service runs its background (poll, delete checks,
 * token) at its own real intervals. So an hour is put together from three measurements, none modelled:
 *
 * <ul>
 *   <li>the visits' own traffic (on the wire from each request to its answer), times {@code perHour};
 *   <li>the background of a quiet stretch right after the window, with no visits and no changes, per
 *       second, over an hour: what the service costs idle;
 *   <li>what the window's background cost beyond that idle rate (the poll fetching the changed rows),
 *       times {@code perHour}.
 * </ul>
 *
 * A table reconcile runs every {@code --reconcile}, so a stretch holds none or one of them by chance: each
 * stretch's are taken out at the wire cost of the timed table check after the quiet stretch, and as many
 * as an hour holds, {@code 3600 / (interval + duration)}, are put back at that cost.
 */
record HourModel(
        Cost firstVisits,
        Cost returnVisits,
        Cost background,
        Cost idlePerSecond,
        Cost changesExtra,
        Cost tableCheck,
        long tableChecksInWindow,
        long tableChecksInQuiet,
        double tableChecksPerHour,
        Cost hour) {

    /** Requests and bytes, as doubles so they can be averaged and scaled. */
    record Cost(double requests, double bytes) {
        static final Cost NONE = new Cost(0, 0);

        static Cost of(Traffic t) {
            return new Cost(t.totalRequests(), t.bytes());
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

    /**
     * @param quiet the traffic of the quiet stretch after the window
     * @param quietSeconds its length, on the bench's clock
     * @param tableCheck the traffic of one timed table check (a poll and a table reconcile)
     */
    static HourModel of(
            Workload w,
            WindowRun.Result s,
            Traffic quiet,
            double quietSeconds,
            Traffic tableCheck,
            double tableCheckSeconds,
            List<SyncRun> history) {
        Predicate<SyncRun> table = r -> r.kind().equals("reconcile") && r.clientId2() == null;
        long inWindow = between(history, s.startedAt(), s.endedAt()).stream()
                .filter(table)
                .count();
        Instant quietEnd = s.endedAt().plusMillis((long) (quietSeconds * 1000));
        long inQuiet =
                between(history, s.endedAt(), quietEnd).stream().filter(table).count();
        Cost check = Cost.of(tableCheck);
        Cost first = Cost.of(s.firstVisits());
        Cost back = Cost.of(s.returnVisits());
        Cost background = Cost.of(s.total()).minus(first).minus(back);
        Cost idle = Cost.of(quiet).minus(check.times(inQuiet)).times(1 / Math.max(0.001, quietSeconds));
        double windowSeconds = s.real().toMillis() / 1000.0;
        Cost extra = background.minus(check.times(inWindow)).minus(idle.times(windowSeconds));
        double perHour = 3600 / (w.reconcileInterval().toSeconds() + tableCheckSeconds);
        Cost hour = first.plus(back)
                .plus(extra)
                .times(w.perHour())
                .plus(idle.times(3600))
                .plus(check.times(perHour));
        return new HourModel(first, back, background, idle, extra, check, inWindow, inQuiet, perHour, hour);
    }

    /** Runs that started between two instants. */
    static List<SyncRun> between(List<SyncRun> runs, Instant from, Instant to) {
        return runs.stream()
                .filter(r -> !r.startedAt().isBefore(from) && r.startedAt().isBefore(to))
                .toList();
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("firstVisitsOwn", firstVisits);
        m.put("returnVisitsOwn", returnVisits);
        m.put("backgroundInWindow", background);
        m.put("idleBackgroundPerSecond", idlePerSecond);
        m.put("changesBeyondIdleInWindow", changesExtra);
        m.put("tableCheckCost", tableCheck);
        m.put("tableChecksInWindow", tableChecksInWindow);
        m.put("tableChecksInQuietStretch", tableChecksInQuiet);
        m.put("tableChecksPerRealHour", tableChecksPerHour);
        m.put("hour", hour);
        return m;
    }
}
