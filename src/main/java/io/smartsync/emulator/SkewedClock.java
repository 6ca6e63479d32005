package io.smartsync.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The emulator's own clock: the configured clock plus the current {@code clockSkew} fault, read on every
 * call so a skew set at runtime applies at once. Thread-safe if the base clock is.
 */
final class SkewedClock extends Clock {

    private final Clock base;
    private final Supplier<Duration> skew;

    SkewedClock(Clock base, Supplier<Duration> skew) {
        this.base = base;
        this.skew = skew;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this; // stamps are converted to each field's zone explicitly
    }

    @Override
    public Instant instant() {
        return base.instant().plus(skew.get());
    }
}
