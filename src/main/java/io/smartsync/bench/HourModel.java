package io.smartsync.bench;

import io.smartsync.store.SyncRun;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * The third is floored at 0: a window shorter than the background's intervals can hold fewer of its calls
 * than the idle rate gives it, and chance must not make the hour cheaper. Table reconciles (every
 * {@code --reconcile}, a day by default) are added as many as an hour holds, {@code 3600 / (interval +
 * duration)}, at the wire cost of the timed table check after the quiet stretch. The service records a
 * table reconcile and the delete check of the members stored here alike, so the stretches cannot take
 * out one that fell into them: a {@code --reconcile} shorter than the window counts those twice.
 */
record HourModel(
        Cost firstVisits,
        Cost returnVisits,
        Cost background,
        Cost idlePerSecond,
        Cost changesExtra,
        Cost tableCheck,
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
            double tableCheckSeconds) {
        Cost check = Cost.of(tableCheck);
        Cost first = Cost.of(s.firstVisits());
        Cost back = Cost.of(s.returnVisits());
        Cost background = Cost.of(s.total()).minus(first).minus(back);
        Cost idle = Cost.of(quiet).times(1 / Math.max(0.001, quietSeconds));
        Cost beyond = background.minus(idle.times(s.real().toMillis() / 1000.0));
        Cost extra = new Cost(Math.max(0, beyond.requests()), Math.max(0, beyond.bytes()));
        double perHour = 3600 / (w.reconcileInterval().toSeconds() + tableCheckSeconds);
        Cost hour = first.plus(back)
                .plus(extra)
                .times(w.perHour())
                .plus(idle.times(3600))
                .plus(check.times(perHour));
        return new HourModel(first, back, background, idle, extra, check, perHour, hour);
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
        m.put("tableChecksPerRealHour", tableChecksPerHour);
        m.put("hour", hour);
        return m;
    }
}
