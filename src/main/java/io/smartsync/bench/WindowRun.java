package io.smartsync.bench;

import io.smartsync.store.SyncRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Plays one {@link Plan} against one approach and attributes the emulator's traffic to each visit: the
 * difference of the emulator's counters around it. Visits run one after another, as one member of staff
 * clicks, so those differences hold only that visit's calls plus whatever background call (a poll, a
 * reconcile) happened to overlap it, which counts against the visit.
 */
final class WindowRun {

    /**
     * @param firstMs latency of each first visit
     * @param returnMs latency of each return visit
     * @param firstVisits traffic inside first visits
     * @param returnVisits traffic inside return visits
     * @param total traffic over the whole window, background included
     * @param answers answers by {@code data.sync.type}, plus {@code error} for failures
     * @param lateVisits visits that started behind their schedule (the one before ran long)
     * @param floorMs latency of a call that does no work, made right after each return visit (empty when
     *     the approach has no such call)
     * @param costlyReturns the return visits that Caspio saw calls during, each with its calls
     */
    record Result(
            List<Double> firstMs,
            List<Double> returnMs,
            List<Double> floorMs,
            Traffic firstVisits,
            Traffic returnVisits,
            Traffic total,
            Map<String, Integer> answers,
            Instant startedAt,
            Instant endedAt,
            int lateVisits,
            List<CostlyVisit> costlyReturns) {

        Duration real() {
            return Duration.between(startedAt, endedAt);
        }

        /**
         * This window with the calls of each costly return visit that one of the service's background runs
         * (a run not of the visited member: a poll, a member check, a table reconcile) overlapped moved from
         * the return visits to the background, where {@link #total} already counts them: the service's own
         * history says which work was running, so a poll that happens to coincide with a visit is not
         * charged to the visit. Calls during a visit that no background run overlapped stay the visit's.
         */
        Result withBackgroundOverlapsMoved(List<SyncRun> history) {
            Traffic moved = Traffic.NONE;
            for (CostlyVisit v : costlyReturns) {
                if (!v.overlappedBy(history).isEmpty()) {
                    moved = moved.plus(v.cost());
                }
            }
            return new Result(
                    firstMs,
                    returnMs,
                    floorMs,
                    firstVisits,
                    returnVisits.minus(moved),
                    total,
                    answers,
                    startedAt,
                    endedAt,
                    lateVisits,
                    costlyReturns);
        }
    }

    /** A visit that Caspio saw calls during, from just before it was sent to just after its answer. */
    record CostlyVisit(String member, Instant from, Instant to, Traffic cost) {
        /** The kinds of the service's runs of other work than this member's that overlapped the visit. */
        List<String> overlappedBy(List<SyncRun> history) {
            return history.stream()
                    .filter(r -> !member.equals(r.clientId2()))
                    .filter(r -> r.startedAt().isBefore(to)
                            && !r.startedAt().plusMillis(r.durationMs() + 1).isBefore(from))
                    .map(SyncRun::kind)
                    .toList();
        }

        Map<String, Object> toJson(List<SyncRun> history) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("member", member);
            m.put("at", from.toString());
            m.put("ms", Duration.between(from, to).toNanos() / 1e6);
            m.put("caspio", cost.toJson());
            m.put("overlappingServiceRuns", overlappedBy(history));
            return m;
        }
    }

    private WindowRun() {}

    /**
     * @param visit one selection through an app's HTTP API
     * @param floor a call to the same API that does no work, timed after each return visit: what the
     *     machine's HTTP round trip costs at that moment; null for none
     * @param w the window's simulated length and speedup
     * @param realTime play the events at their (compressed) times; false plays them back to back, which
     *     only an approach without background work may do
     */
    static Result play(
            Plan plan,
            CaspioSide caspio,
            Function<String, AppClient.Answer> visit,
            Supplier<AppClient.Answer> floor,
            Workload w,
            boolean realTime,
            Progress p) {
        long windowNanos = w.windowReal().toNanos();
        Visits visits = new Visits();
        int late = 0;
        int changes = 0;
        Traffic start = caspio.traffic();
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        for (Plan.Event e : plan.events()) {
            if (realTime) {
                long due = t0 + windowNanos * e.atMillis() / w.window().toMillis();
                if (System.nanoTime() > due + 50_000_000L && e.kind() == Plan.Kind.VISIT) {
                    late++;
                }
                sleepUntil(due);
            }
            switch (e.kind()) {
                case CASPIO_INSERT -> caspio.insertNote(e.member(), changeText(++changes));
                case CASPIO_UPDATE -> caspio.editNote(e.pk(), changeText(++changes));
                case VISIT -> {
                    visits.play(e, caspio, visit, floor);
                    p.step();
                }
            }
        }
        if (realTime) {
            sleepUntil(t0 + windowNanos);
        }
        Traffic total = caspio.traffic().minus(start);
        return new Result(
                visits.firstMs,
                visits.returnMs,
                visits.floorMs,
                visits.first,
                visits.back,
                total,
                visits.answers,
                startedAt,
                Instant.now(),
                late,
                visits.costly);
    }

    /** The visits of one window so far: their latencies, answers and what Caspio saw during each. */
    private static final class Visits {
        final List<Double> firstMs = new ArrayList<>();
        final List<Double> returnMs = new ArrayList<>();
        final List<Double> floorMs = new ArrayList<>();
        final Map<String, Integer> answers = new TreeMap<>();
        final List<CostlyVisit> costly = new ArrayList<>();
        Traffic first = Traffic.NONE;
        Traffic back = Traffic.NONE;

        void play(
                Plan.Event e,
                CaspioSide caspio,
                Function<String, AppClient.Answer> visit,
                Supplier<AppClient.Answer> floor) {
            Traffic before = caspio.traffic();
            Instant from = Instant.now();
            AppClient.Answer a = visit.apply(e.member());
            Instant to = Instant.now();
            Traffic cost = caspio.traffic().minus(before);
            answers.merge(a.ok() ? a.type() : "error", 1, Integer::sum);
            if (a.ok()) {
                (e.first() ? firstMs : returnMs).add(a.nanos() / 1e6);
            }
            if (floor != null && !e.first()) {
                AppClient.Answer nothing = floor.get();
                if (nothing.ok()) {
                    floorMs.add(nothing.nanos() / 1e6);
                }
            }
            if (e.first()) {
                first = first.plus(cost);
            } else {
                back = back.plus(cost);
                if (cost.totalRequests() > 0) {
                    costly.add(new CostlyVisit(e.member(), from, to, cost));
                }
            }
        }
    }

    /** About 600 bytes on the wire with the row's other fields, like a real note; never logged. */
    static String changeText(int n) {
        return "Benchmark change " + n + ": called the member to confirm the follow-up appointment and the"
                + " transport pick-up; member asked for the pharmacy to be told about the new prescription,"
                + " care plan reviewed with the senior coordinator, next check-in booked for next week.";
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(wait)); // the schedule of a compressed window, not a test waiting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
