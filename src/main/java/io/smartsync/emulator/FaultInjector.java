package io.smartsync.emulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Random;

/**
 * Chooses the faults of each Caspio call: first the ones queued by hand ({@code failNext},
 * {@code throttleNext}, {@code dropNextAfterCommit}), then the random ones of the current
 * {@link FaultConfig}. All draws for one call happen under one lock from one {@link Random}, so a client
 * that makes the same calls one after another sees the same faults for the same seed. Replacing the
 * configuration or the seed restarts the random sequence. Thread-safe.
 */
final class FaultInjector {

    private long seed;
    private FaultConfig config;
    private Random random;
    private final Deque<Integer> failures = new ArrayDeque<>();
    private final Deque<Duration> throttles = new ArrayDeque<>();
    private int drops;

    FaultInjector(FaultConfig config, long seed) {
        this.config = Objects.requireNonNull(config, "faults");
        this.seed = seed;
        this.random = new Random(seed);
    }

    synchronized FaultConfig config() {
        return config;
    }

    synchronized long seed() {
        return seed;
    }

    /** Replaces the random faults and restarts their sequence; queued faults stay queued. */
    synchronized void configure(FaultConfig faults, long newSeed) {
        this.config = Objects.requireNonNull(faults, "faults");
        this.seed = newSeed;
        this.random = new Random(newSeed);
    }

    /** Back to no faults at all, queued ones included. */
    synchronized void clear() {
        configure(FaultConfig.NONE, seed);
        failures.clear();
        throttles.clear();
        drops = 0;
    }

    synchronized void failNext(int count, int status) {
        for (int i = 0; i < count; i++) {
            failures.add(status);
        }
    }

    synchronized void throttleNext(int count, Duration retryAfter) {
        for (int i = 0; i < count; i++) {
            throttles.add(retryAfter);
        }
    }

    synchronized void dropNextAfterCommit(int count) {
        drops += count;
    }

    /** Takes one queued drop, if one is still pending: only a write that committed uses it up. */
    synchronized boolean takeQueuedDrop() {
        if (drops == 0) {
            return false;
        }
        drops--;
        return true;
    }

    /** The faults of one call. The token endpoint gets latency only: see CaspioRules. */
    synchronized FaultDecision decide(EmulatorStats.Kind kind) {
        FaultConfig f = config;
        Duration delay = f.latency();
        if (f.jitter().isPositive()) {
            delay = delay.plusNanos((long) (random.nextDouble() * f.jitter().toNanos()));
        }
        if (kind == EmulatorStats.Kind.TOKEN) {
            return FaultDecision.delayOnly(delay);
        }
        if (!failures.isEmpty()) {
            return new FaultDecision(delay, failures.poll(), null, false, false, null);
        }
        if (!throttles.isEmpty()) {
            return new FaultDecision(delay, 0, throttles.poll(), false, false, null);
        }
        if (f.error5xx() > 0 && random.nextDouble() < f.error5xx()) {
            return new FaultDecision(delay, random.nextBoolean() ? 500 : 503, null, false, false, null);
        }
        if (f.throttle429() > 0 && random.nextDouble() < f.throttle429()) {
            return new FaultDecision(delay, 0, f.retryAfter(), false, false, null);
        }
        boolean randomDrop = false;
        if (kind.recordWrite() && f.dropAfterCommit() > 0) {
            randomDrop = random.nextDouble() < f.dropAfterCommit();
        }
        Duration lateBy = null;
        if ((kind == EmulatorStats.Kind.CREATE || kind == EmulatorStats.Kind.UPDATE)
                && f.lateCommit() > 0
                && random.nextDouble() < f.lateCommit()) {
            lateBy = f.lateCommitLag();
        }
        return new FaultDecision(delay, 0, null, randomDrop, kind.recordWrite() && drops > 0, lateBy);
    }
}
