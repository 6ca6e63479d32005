package io.smartsync.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * The faults an emulator injects into Caspio API calls, as data. Every random choice comes from one
 * {@code java.util.Random} seeded from {@link EmulatorConfig#seed()}, so a run repeats.
 *
 * @param latency every API call waits this long before it is answered
 * @param jitter plus a uniform random extra in {@code [0, jitter)}
 * @param error5xx probability that a call is answered 500 or 503 (half each) before anything is done
 * @param throttle429 probability that a call is answered 429 with {@code Retry-After} before anything is done
 * @param retryAfter the {@code Retry-After} of a random 429 (whole seconds, rounded up, at least 1)
 * @param dropAfterCommit probability that a record write commits and the connection is then cut unanswered
 * @param tokenExpiry tokens stop working this long after issue although {@code expires_in} says 24 h;
 *     null for no such fault
 * @param clockSkew the emulator's clock (timestamps it stamps, its {@code Date} header) runs this far off
 * @param lateCommit probability that an insert or update becomes visible to reads only {@code lateCommitLag}
 *     after its timestamp
 * @param lateCommitLag how long a late commit stays hidden
 */
public record FaultConfig(
        Duration latency,
        Duration jitter,
        double error5xx,
        double throttle429,
        Duration retryAfter,
        double dropAfterCommit,
        Duration tokenExpiry,
        Duration clockSkew,
        double lateCommit,
        Duration lateCommitLag) {

    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    static final Duration DEFAULT_LATE_COMMIT_LAG = Duration.ofSeconds(2);

    /** No faults at all. */
    public static final FaultConfig NONE = new FaultConfig(
            Duration.ZERO,
            Duration.ZERO,
            0,
            0,
            DEFAULT_RETRY_AFTER,
            0,
            null,
            Duration.ZERO,
            0,
            DEFAULT_LATE_COMMIT_LAG);

    public FaultConfig {
        notNegative(FaultSpec.LATENCY, latency);
        notNegative(FaultSpec.JITTER, jitter);
        probability(FaultSpec.ERROR_5XX, error5xx);
        probability(FaultSpec.THROTTLE_429, throttle429);
        notNegative(FaultSpec.RETRY_AFTER, retryAfter);
        probability(FaultSpec.DROP_AFTER_COMMIT, dropAfterCommit);
        if (tokenExpiry != null && (tokenExpiry.isNegative() || tokenExpiry.isZero())) {
            throw new IllegalArgumentException(
                    "faults: " + FaultSpec.TOKEN_EXPIRY + " must be more than 0, was " + FaultSpec.format(tokenExpiry));
        }
        Objects.requireNonNull(clockSkew, "faults: " + FaultSpec.CLOCK_SKEW + " is required");
        probability(FaultSpec.LATE_COMMIT, lateCommit);
        notNegative(FaultSpec.LATE_COMMIT_LAG, lateCommitLag);
    }

    /**
     * Reads {@code key=value} pairs separated by commas, such as {@code
     * latency=80ms,jitter=20ms,error5xx=0.05,tokenExpiry=60s,clockSkew=-3s}. Durations take {@code ns},
     * {@code us}, {@code ms}, {@code s}, {@code m} or {@code h}; probabilities are 0..1; keys left out keep
     * their defaults. Blank or {@code none} means {@link #NONE}.
     *
     * @throws IllegalArgumentException naming the key or value at fault
     */
    public static FaultConfig parse(String spec) {
        return FaultSpec.parse(spec);
    }

    /** The string form {@link #parse} reads: only the keys that differ from {@link #NONE}, in a fixed order. */
    public String spec() {
        return FaultSpec.format(this);
    }

    @Override
    public String toString() {
        return "FaultConfig[" + spec() + "]";
    }

    private static void notNegative(String key, Duration value) {
        Objects.requireNonNull(value, "faults: " + key + " is required");
        if (value.isNegative()) {
            throw new IllegalArgumentException(
                    "faults: " + key + " must not be negative, was " + FaultSpec.format(value));
        }
    }

    private static void probability(String key, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("faults: " + key + " must be a probability from 0 to 1, was " + value);
        }
    }
}
