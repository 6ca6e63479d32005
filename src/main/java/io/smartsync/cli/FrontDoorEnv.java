package io.smartsync.cli;

import io.smartsync.access.SignInLimits;
import io.smartsync.http.FrontDoorSettings;
import io.smartsync.http.TrustedProxies;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The front door's settings from {@code SMARTSYNC_*} variables: {@code SMARTSYNC_TRUSTED_PROXIES},
 * {@code SMARTSYNC_SIGNIN_FREE_FAILURES}, {@code SMARTSYNC_SIGNIN_DELAY_MS},
 * {@code SMARTSYNC_SIGNIN_MAX_DELAY_MS}, {@code SMARTSYNC_SIGNIN_LOCKOUT_FAILURES},
 * {@code SMARTSYNC_SIGNIN_LOCKOUT_MINUTES}, {@code SMARTSYNC_SIGNIN_HASH_THREADS},
 * {@code SMARTSYNC_SIGNIN_HASH_QUEUE}, {@code SMARTSYNC_WEBHOOK_SIGNATURE_HEADER},
 * {@code SMARTSYNC_WEBHOOK_ID}, {@code SMARTSYNC_WEBHOOK_MAX_AGE_SECONDS}, {@code SMARTSYNC_WEBHOOK_ZONE}.
 * Every error names its variable.
 */
final class FrontDoorEnv {
    private FrontDoorEnv() {}

    static FrontDoorSettings fromEnv(Env env) {
        FrontDoorSettings d = FrontDoorSettings.defaults();
        TrustedProxies proxies = named(
                "SMARTSYNC_TRUSTED_PROXIES",
                () -> env.get("SMARTSYNC_TRUSTED_PROXIES")
                        .map(TrustedProxies::parse)
                        .orElse(TrustedProxies.none()));
        SignInLimits.Policy p = d.signIn();
        int free = (int) bounded(env, "SMARTSYNC_SIGNIN_FREE_FAILURES", p.freeFailures(), 0, 1000);
        long delay = bounded(env, "SMARTSYNC_SIGNIN_DELAY_MS", p.firstDelay().toMillis(), 0, 3_600_000);
        long maxDelay =
                bounded(env, "SMARTSYNC_SIGNIN_MAX_DELAY_MS", p.maxDelay().toMillis(), 0, 86_400_000);
        int lockAt = (int) bounded(env, "SMARTSYNC_SIGNIN_LOCKOUT_FAILURES", p.lockoutFailures(), 1, 10_000);
        long lockMinutes =
                bounded(env, "SMARTSYNC_SIGNIN_LOCKOUT_MINUTES", p.lockout().toMinutes(), 1, 10_080);
        SignInLimits.Policy policy = named(
                "SMARTSYNC_SIGNIN_* (" + free + " free failures, lockout at " + lockAt + ", delays " + delay + "-"
                        + maxDelay + " ms)",
                () -> new SignInLimits.Policy(
                        free,
                        Duration.ofMillis(delay),
                        Duration.ofMillis(maxDelay),
                        lockAt,
                        Duration.ofMinutes(lockMinutes)));
        int threads = (int) bounded(env, "SMARTSYNC_SIGNIN_HASH_THREADS", d.hashThreads(), 1, 64);
        int queue = (int) bounded(env, "SMARTSYNC_SIGNIN_HASH_QUEUE", d.hashQueue(), 0, 1000);
        String header = env.get("SMARTSYNC_WEBHOOK_SIGNATURE_HEADER").orElse(null);
        if (header != null && !header.matches("^[A-Za-z0-9-]{1,64}$")) {
            throw new SettingException(
                    "SMARTSYNC_WEBHOOK_SIGNATURE_HEADER must be a header name (letters, digits, '-'), was '" + header
                            + "'");
        }
        long maxAge = bounded(
                env, "SMARTSYNC_WEBHOOK_MAX_AGE_SECONDS", d.webhookMaxAge().toSeconds(), 1, 86_400);
        ZoneId zone = named(
                "SMARTSYNC_WEBHOOK_ZONE",
                () -> env.get("SMARTSYNC_WEBHOOK_ZONE").map(FrontDoorEnv::zone).orElse(d.webhookZone()));
        return d.withProxies(proxies)
                .withSignIn(policy)
                .withHashing(threads, queue)
                .withWebhook(header, env.get("SMARTSYNC_WEBHOOK_ID").orElse(null), Duration.ofSeconds(maxAge), zone);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + id + "' is not a time zone id such as UTC or America/Los_Angeles");
        }
    }

    private static long bounded(Env env, String name, long fallback, long min, long max) {
        long v = env.whole(name, fallback);
        if (v < min || v > max) {
            throw new SettingException(name + " must be from " + min + " to " + max + ", was " + v);
        }
        return v;
    }

    private static <T> T named(String variable, Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw new SettingException(variable + ": " + e.getMessage());
        }
    }
}
