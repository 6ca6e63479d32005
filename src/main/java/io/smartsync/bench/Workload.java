package io.smartsync.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the benchmark simulates (BENCHMARKS.md states the defaults). The staff's {@code minutes} of visits,
 * and the changes other people make in Caspio meanwhile, are played {@code speedup} times faster than
 * real time; the service runs at its own real intervals ({@code pollInterval}, {@code reconcileInterval}
 * for the table's keys, {@code pushLease}) and the emulator on the real clock. Request latency is never
 * compressed. The delete check of the members stored here runs on its own schedule, {@code memberCheck},
 * at real pace like the poll ({@link HourModel} puts the hour together).
 *
 * @param changeRate the share of the table's notes created or changed in Caspio per day
 * @param membersPerHour distinct members staff pick in an hour
 * @param returnsPerMember how often, on average, staff come back to each of them
 * @param backlog notes written while Caspio is unreachable, pushed once it answers again
 * @param pushSamples notes written one at a time while online, to time their way to Caspio
 * @param scale how many times the members the second run has (10: "the same at ten times the members")
 * @param initialMembers at most this many members in the initial-sync measurement (0: all not visited)
 * @param parallelism members synced at once when measuring initial-sync throughput
 * @param pushConcurrency the service's {@code SMARTSYNC_PUSH_CONCURRENCY}; 0 leaves the service's default
 */
record Workload(
        int members,
        int notesPerMember,
        Duration latency,
        double changeRate,
        int membersPerHour,
        int returnsPerMember,
        Duration pollInterval,
        Duration reconcileInterval,
        Duration memberCheck,
        Duration pushLease,
        int minutes,
        double speedup,
        int backlog,
        int pushSamples,
        int scale,
        int initialMembers,
        int parallelism,
        int pushConcurrency,
        long seed,
        String serviceHeap) {

    Workload {
        positive("--members", members);
        positive("--notes-per-member", notesPerMember);
        positive("--members-per-hour", membersPerHour);
        positive("--parallelism", parallelism);
        positive("--push-samples", pushSamples);
        positive("--minutes", minutes);
        if (returnsPerMember < 0 || backlog < 0 || scale < 0 || initialMembers < 0 || pushConcurrency < 0) {
            throw new IllegalArgumentException(
                    "--returns, --backlog, --scale, --initial-members and --push-concurrency must be 0 or more");
        }
        if (pushLease.isNegative() || pushLease.isZero()) {
            throw new IllegalArgumentException("--push-lease must be positive, was " + pushLease);
        }
        if (latency.isNegative() || !(changeRate >= 0 && changeRate <= 1)) {
            throw new IllegalArgumentException("--latency must be 0 or more and --change-rate within 0..1");
        }
        if (!(speedup >= 1 && speedup <= 3600)) {
            throw new IllegalArgumentException("--speedup must be between 1 and 3600, was " + speedup);
        }
    }

    private static void positive(String flag, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(flag + " must be positive, was " + value);
        }
    }

    /** The simulated window of staff use. */
    Duration window() {
        return Duration.ofMinutes(minutes);
    }

    /** How long the window lasts in real time. */
    Duration windowReal() {
        return compressed(window());
    }

    /** Multiplies a window's total into a per-hour figure. */
    double perHour() {
        return 60.0 / minutes;
    }

    /** A stretch of staff time as real time, at least a millisecond. */
    Duration compressed(Duration simulated) {
        return Duration.ofNanos(Math.max(1_000_000L, (long) (simulated.toNanos() / speedup)));
    }

    /** The same workload over {@code count} members (and so more notes and more daily changes). */
    Workload withMembers(int count) {
        return new Workload(
                count,
                notesPerMember,
                latency,
                changeRate,
                membersPerHour,
                returnsPerMember,
                pollInterval,
                reconcileInterval,
                memberCheck,
                pushLease,
                minutes,
                speedup,
                backlog,
                pushSamples,
                scale,
                initialMembers,
                parallelism,
                pushConcurrency,
                seed,
                serviceHeap);
    }

    /** The emulator's fault spec that plays this latency. */
    String latencySpec() {
        return latency.isZero() ? "" : "latency=" + latency.toMillis() + "ms";
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("members", members);
        m.put("notesPerMemberAverage", notesPerMember);
        m.put("latencyMs", latency.toMillis());
        m.put("changeRatePerDay", changeRate);
        m.put("membersPerHour", membersPerHour);
        m.put("returnsPerMember", returnsPerMember);
        m.put("pollIntervalSeconds", pollInterval.toSeconds());
        m.put("tableReconcileIntervalSeconds", reconcileInterval.toSeconds());
        m.put("memberCheckIntervalSeconds", memberCheck.toSeconds());
        m.put("pushLeaseSeconds", pushLease.toSeconds());
        m.put("simulatedMinutes", minutes);
        m.put("speedup", speedup);
        m.put("backlogNotes", backlog);
        m.put("pushSamples", pushSamples);
        m.put("scale", scale);
        m.put("initialSyncMembersCap", initialMembers);
        m.put("initialSyncParallelism", parallelism);
        m.put("pushConcurrency", pushConcurrency == 0 ? "service default" : pushConcurrency);
        m.put("seed", seed);
        m.put("serviceHeap", serviceHeap);
        return m;
    }
}
