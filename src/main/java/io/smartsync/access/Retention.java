package io.smartsync.access;

import io.smartsync.store.AccessRecords;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the access tables to their retention: each run purges audit lines older than the configured
 * period and ended sessions. The service runs it at start and then daily; a failed run is logged and the
 * next one tries again. Stateless; thread-safe.
 */
public final class Retention implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final AccessRecords records;
    private final Clock clock;
    private final Duration keepAudit;

    public Retention(AccessRecords records, Clock clock, Duration keepAudit) {
        if (keepAudit.isNegative() || keepAudit.isZero()) {
            throw new IllegalArgumentException("the audit retention must be positive, was " + keepAudit);
        }
        this.records = records;
        this.clock = clock;
        this.keepAudit = keepAudit;
    }

    @Override
    public void run() {
        try {
            int purged = records.purgeAudit(clock.instant().minus(keepAudit));
            int ended = records.deleteExpiredSessions(clock.instant());
            if (purged > 0 || ended > 0) {
                log.info("retention: purged {} audit lines older than {}, {} ended sessions", purged, keepAudit, ended);
            }
        } catch (RuntimeException e) {
            log.warn("retention run failed: {}", e.toString());
        }
    }
}
