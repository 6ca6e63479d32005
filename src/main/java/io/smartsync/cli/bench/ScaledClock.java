package io.smartsync.cli.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code factor} times faster than real time from the moment it is made. The emulator
 * stamps rows with it, so an overlap window of five simulated seconds stays five simulated seconds when
 * an hour is compressed into minutes. Thread-safe.
 */
final class ScaledClock extends Clock {
    private final Instant origin;
    private final long originNanos;
    private final double factor;

    ScaledClock(double factor) {
        this(Instant.now(), System.nanoTime(), factor);
    }

    private ScaledClock(Instant origin, long originNanos, double factor) {
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("a scaled clock runs at least as fast as real time, factor " + factor);
        }
        this.origin = origin;
        this.originNanos = originNanos;
        this.factor = factor;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        throw new UnsupportedOperationException("the emulator's clock is UTC only");
    }

    @Override
    public Instant instant() {
        return origin.plusNanos((long) ((System.nanoTime() - originNanos) * factor));
    }
}
