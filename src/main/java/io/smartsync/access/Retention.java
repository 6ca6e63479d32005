package io.smartsync.access;

import io.smartsync.store.AccessRecords;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the access tables to their retention: purges audit lines older than the configured period and
 * ended sessions, at start and then every {@code every}. Runs on its own named thread; thread-safe.
 */
public final class Retention implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("smartsync-retention").daemon().factory());

    private Retention() {}

    public static Retention start(AccessRecords records, Clock clock, Duration keepAudit, Duration every) {
        if (keepAudit.isNegative() || keepAudit.isZero()) {
            throw new IllegalArgumentException("the audit retention must be positive, was " + keepAudit);
        }
        Retention r = new Retention();
        r.timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        int purged = records.purgeAudit(clock.instant().minus(keepAudit));
                        int ended = records.deleteExpiredSessions(clock.instant());
                        if (purged > 0 || ended > 0) {
                            log.info(
                                    "retention: purged {} audit lines older than {}, {} ended sessions",
                                    purged,
                                    keepAudit,
                                    ended);
                        }
                    } catch (RuntimeException e) {
                        log.warn("retention run failed: {}", e.toString());
                    }
                },
                0,
                every.toMillis(),
                TimeUnit.MILLISECONDS);
        return r;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
