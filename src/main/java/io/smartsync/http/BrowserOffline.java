package io.smartsync.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What the pages may keep on the device (issue 18): with {@code enabled}, the notes of members opened
 * (encrypted, for at most {@code keep}) and a queue of changes made offline; without, nothing of a note is
 * written to the device. The pages learn it from the sign-in and session answers.
 *
 * @param iterations the PBKDF2-SHA-256 rounds the pages derive their device key with
 */
public record BrowserOffline(boolean enabled, Duration keep, int iterations) {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    public static final Duration DEFAULT_KEEP = Duration.ofHours(12);

    public BrowserOffline {
        Objects.requireNonNull(keep, "keep");
        if (keep.isNegative() || keep.isZero() || keep.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException(
                    "the time notes stay on a device must be more than 0 and at most 30 days, was " + keep);
        }
        if (iterations < 100_000) {
            throw new IllegalArgumentException("PBKDF2 needs at least 100000 iterations, was " + iterations);
        }
    }

    public static BrowserOffline defaults() {
        return new BrowserOffline(true, DEFAULT_KEEP, DEFAULT_ITERATIONS);
    }

    public BrowserOffline off() {
        return new BrowserOffline(false, keep, iterations);
    }
}
