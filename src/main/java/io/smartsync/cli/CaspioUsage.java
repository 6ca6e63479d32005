package io.smartsync.cli;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smartsync.store.Reports;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the Caspio calls the client counted ({@code caspio.*} meters) to the month's total in the store
 * every few seconds and at shutdown, so "calls this month" survives restarts. Its own named thread;
 * thread-safe.
 */
final class CaspioUsage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CaspioUsage.class);

    private final MeterRegistry meters;
    private final Reports reports;
    private final Clock clock;
    private final Periodic timer;
    private double requests;
    private double bytesIn;
    private double bytesOut;

    private CaspioUsage(MeterRegistry meters, Reports reports, Clock clock, Duration every) {
        this.meters = meters;
        this.reports = reports;
        this.clock = clock;
        this.timer = Periodic.start("smartsync-usage", every, every, this::flushQuietly);
    }

    static CaspioUsage start(MeterRegistry meters, Reports reports, Clock clock, Duration every) {
        return new CaspioUsage(meters, reports, clock, every);
    }

    private synchronized void flush() {
        double r = total("caspio.requests");
        double in = total("caspio.bytes.received");
        double out = total("caspio.bytes.sent");
        if (r > requests) {
            reports.addCaspioUsage(
                    YearMonth.now(clock.withZone(ZoneOffset.UTC)),
                    Math.round(r - requests),
                    Math.round(in - bytesIn),
                    Math.round(out - bytesOut));
            requests = r;
            bytesIn = in;
            bytesOut = out;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("could not record Caspio usage: {}", e.toString());
        }
    }

    private double total(String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    @Override
    public void close() {
        timer.close();
        flushQuietly();
    }
}
