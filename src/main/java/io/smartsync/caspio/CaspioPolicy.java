package io.smartsync.caspio;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the client tries: retries with exponential backoff and full jitter, a circuit breaker and a
 * client-side rate limit. Validated when built; immutable.
 *
 * @param maxRetryAttempts retries of one call after its first attempt (the seed's {@code maxRetryAttempts})
 * @param retryDelay the first backoff step (the seed's {@code retryDelayMs}); each retry doubles it
 * @param maxRetryDelay the largest backoff step, and the most a {@code Retry-After} is honoured for
 * @param callTimeout the most one call may take with all its retries (the seed's {@code syncTimeoutMs})
 * @param breakerFailures consecutive failed calls that open the breaker
 * @param breakerDelay how long the breaker stays open before it lets one trial call through
 * @param callsPerSecond the client-side rate limit; 0 means none
 * @param seed seeds the jitter, so a test run can be repeated
 */
public record CaspioPolicy(
        int maxRetryAttempts,
        Duration retryDelay,
        Duration maxRetryDelay,
        Duration callTimeout,
        int breakerFailures,
        Duration breakerDelay,
        int callsPerSecond,
        long seed) {

    public CaspioPolicy {
        if (maxRetryAttempts < 0) {
            throw new IllegalArgumentException("maxRetryAttempts must be 0 or more, was " + maxRetryAttempts);
        }
        positive("retryDelayMs", retryDelay);
        positive("maxRetryDelay", maxRetryDelay);
        positive("syncTimeoutMs", callTimeout);
        positive("breakerDelay", breakerDelay);
        if (breakerFailures < 1) {
            throw new IllegalArgumentException("breakerFailures must be at least 1, was " + breakerFailures);
        }
        if (callsPerSecond < 0) {
            throw new IllegalArgumentException("callsPerSecond must be 0 (no limit) or more, was " + callsPerSecond);
        }
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    /** The seed's retry settings (3 retries from 1 s, 30 s per call), a breaker after 5 failures for 30 s. */
    public static CaspioPolicy defaults() {
        return new CaspioPolicy(
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                5,
                Duration.ofSeconds(30),
                0,
                System.nanoTime());
    }
}
