package io.smartsync.cli;

import java.time.Duration;

/**
 * How long sessions and audit lines last, from {@code SMARTSYNC_SESSION_IDLE_MINUTES} (default 30),
 * {@code SMARTSYNC_SESSION_MAX_HOURS} (default 12) and {@code SMARTSYNC_AUDIT_RETENTION_DAYS} (default
 * 2190: six years, HIPAA's retention for such records).
 */
record AccessSettings(Duration sessionIdle, Duration sessionMaxAge, Duration auditRetention) {
    AccessSettings {
        if (sessionIdle.isNegative() || sessionIdle.isZero() || sessionMaxAge.compareTo(sessionIdle) < 0) {
            throw new SettingException(
                    "SMARTSYNC_SESSION_IDLE_MINUTES must be positive and at most" + " SMARTSYNC_SESSION_MAX_HOURS");
        }
        if (auditRetention.isNegative() || auditRetention.isZero()) {
            throw new SettingException("SMARTSYNC_AUDIT_RETENTION_DAYS must be positive");
        }
    }

    static AccessSettings defaults() {
        return new AccessSettings(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofDays(2190));
    }

    static AccessSettings fromEnv(Env env) {
        AccessSettings d = defaults();
        return new AccessSettings(
                Duration.ofMinutes(env.whole(
                        "SMARTSYNC_SESSION_IDLE_MINUTES", d.sessionIdle().toMinutes())),
                Duration.ofHours(env.whole(
                        "SMARTSYNC_SESSION_MAX_HOURS", d.sessionMaxAge().toHours())),
                Duration.ofDays(env.whole(
                        "SMARTSYNC_AUDIT_RETENTION_DAYS", d.auditRetention().toDays())));
    }
}
