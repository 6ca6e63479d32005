package io.smartsync.cli;

import io.smartsync.caspio.CaspioPolicy;
import io.smartsync.sync.ConflictPolicy;
import io.smartsync.sync.SyncConfig;
import io.smartsync.sync.SyncSetting;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The sync settings from {@code SMARTSYNC_*} variables (and the {@code --config} file under them) over the
 * seed's defaults; every error names its variable. Tests and long runs use these to shrink intervals and backoffs to milliseconds.
 */
final class SyncSettings {
    private SyncSettings() {}

    static SyncConfig fromEnv(Env env) {
        SyncConfig.Builder b = SyncConfig.builder();
        number(env, "SMARTSYNC_MAX_RETRY_ATTEMPTS", v -> b.maxRetryAttempts((int) v));
        number(env, "SMARTSYNC_RETRY_DELAY_MS", b::retryDelayMs);
        number(env, "SMARTSYNC_BATCH_SIZE", v -> b.batchSize((int) v));
        number(env, "SMARTSYNC_AUTO_SYNC_INTERVAL_MS", b::autoSyncInterval);
        number(env, "SMARTSYNC_OFFLINE_QUEUE_LIMIT", v -> b.offlineQueueLimit((int) v));
        number(env, "SMARTSYNC_SYNC_TIMEOUT_MS", b::syncTimeoutMs);
        number(env, "SMARTSYNC_OVERLAP_SECONDS", b::overlapSeconds);
        number(env, "SMARTSYNC_PAGE_SIZE", v -> b.pageSize((int) v));
        number(env, "SMARTSYNC_PUSH_LEASE_MS", v -> b.pushLease(Duration.ofMillis(v)));
        number(env, "SMARTSYNC_PUSH_HEARTBEAT_MS", v -> b.pushHeartbeat(Duration.ofMillis(v)));
        number(
                env,
                "SMARTSYNC_PUSH_CONCURRENCY",
                v -> b.pushConcurrency(Math.clamp(v, Integer.MIN_VALUE, Integer.MAX_VALUE)));
        number(env, "SMARTSYNC_SELECTION_DEADLINE_MS", b::selectionDeadlineMs);
        number(env, "SMARTSYNC_RECONCILE_INTERVAL_MS", b::reconcileIntervalMs);
        number(env, "SMARTSYNC_TABLE_RECONCILE_INTERVAL_MS", b::tableReconcileIntervalMs);
        number(env, "SMARTSYNC_HISTORY_RETENTION_DAYS", v -> b.historyRetentionDays((int) v));
        env.get("SMARTSYNC_CONFLICT_POLICY").ifPresent(v -> b.conflictPolicy(parse("SMARTSYNC_CONFLICT_POLICY", v)));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new SettingException(variableNamed(e.getMessage()));
        }
    }

    /** The setting each environment variable sets, as {@code SyncConfig}'s messages name it. */
    static final Map<String, String> VARIABLES = Map.ofEntries(
            Map.entry("maxRetryAttempts", "SMARTSYNC_MAX_RETRY_ATTEMPTS"),
            Map.entry("retryDelayMs", "SMARTSYNC_RETRY_DELAY_MS"),
            Map.entry("batchSize", "SMARTSYNC_BATCH_SIZE"),
            Map.entry("autoSyncInterval", "SMARTSYNC_AUTO_SYNC_INTERVAL_MS"),
            Map.entry("offlineQueueLimit", "SMARTSYNC_OFFLINE_QUEUE_LIMIT"),
            Map.entry("syncTimeoutMs", "SMARTSYNC_SYNC_TIMEOUT_MS"),
            Map.entry("overlapSeconds", "SMARTSYNC_OVERLAP_SECONDS"),
            Map.entry("pageSize", "SMARTSYNC_PAGE_SIZE"),
            Map.entry("pushLease", "SMARTSYNC_PUSH_LEASE_MS"),
            Map.entry("pushHeartbeat", "SMARTSYNC_PUSH_HEARTBEAT_MS"),
            Map.entry("pushConcurrency", "SMARTSYNC_PUSH_CONCURRENCY"),
            Map.entry("selectionDeadlineMs", "SMARTSYNC_SELECTION_DEADLINE_MS"),
            Map.entry("reconcileIntervalMs", "SMARTSYNC_RECONCILE_INTERVAL_MS"),
            Map.entry("tableReconcileIntervalMs", "SMARTSYNC_TABLE_RECONCILE_INTERVAL_MS"),
            Map.entry("historyRetentionDays", "SMARTSYNC_HISTORY_RETENTION_DAYS"),
            Map.entry("conflictPolicy", "SMARTSYNC_CONFLICT_POLICY"));

    /**
     * Every sync setting in effect, with where it came from: the environment when its variable is set,
     * else the {@code --config} file when it sets it, else the default.
     */
    static List<SyncSetting> describe(Env env, SyncConfig sync, CaspioPolicy policy, boolean preload) {
        List<SyncSetting> all = new ArrayList<>();
        for (RecordComponent c : SyncConfig.class.getRecordComponents()) {
            String variable = VARIABLES.get(c.getName());
            if (variable != null) {
                all.add(setting(env, c.getName(), variable, text(read(c, sync))));
            }
        }
        all.add(setting(env, "maxRetryDelay", "SMARTSYNC_MAX_RETRY_DELAY_MS", text(policy.maxRetryDelay())));
        all.add(setting(env, "breakerFailures", "SMARTSYNC_BREAKER_FAILURES", text(policy.breakerFailures())));
        all.add(setting(env, "breakerDelay", "SMARTSYNC_BREAKER_DELAY_MS", text(policy.breakerDelay())));
        all.add(setting(env, "callsPerSecond", "SMARTSYNC_CALLS_PER_SECOND", text(policy.callsPerSecond())));
        all.add(setting(env, "preload", "SMARTSYNC_PRELOAD", Boolean.toString(preload)));
        return all;
    }

    private static SyncSetting setting(Env env, String name, String variable, String value) {
        return new SyncSetting(name, variable, value, env.source(variable));
    }

    private static Object read(RecordComponent c, SyncConfig sync) {
        try {
            return c.getAccessor().invoke(sync);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    private static String text(Object value) {
        if (value instanceof Duration d) {
            return Long.toString(d.toMillis());
        }
        if (value instanceof ConflictPolicy p) {
            return p.wireName();
        }
        return String.valueOf(value);
    }

    /**
     * "pageSize must be …" becomes "SMARTSYNC_PAGE_SIZE must be …": the name a person set; another setting
     * the message names after its first word is named by its variable too.
     */
    static String variableNamed(String message) {
        int space = message.indexOf(' ');
        String setting = space < 0 ? message : message.substring(0, space);
        String variable = VARIABLES.get(setting);
        if (variable == null) {
            return "sync settings: " + message;
        }
        String rest = message.substring(setting.length());
        for (Map.Entry<String, String> other : VARIABLES.entrySet()) {
            rest = rest.replaceAll("\\b" + other.getKey() + "\\b", other.getValue());
        }
        return variable + rest;
    }

    /** {@code SMARTSYNC_PRELOAD}: read the whole table at start-up (a preload); false by default. */
    static boolean preloadAtStart(Env env) {
        return env.get("SMARTSYNC_PRELOAD")
                .map(v -> switch (v.trim().toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new SettingException("SMARTSYNC_PRELOAD must be true or false, was '" + v + "'");
                })
                .orElse(false);
    }

    /**
     * The client's retry, breaker and rate limit: the seed's settings plus {@code SMARTSYNC_BREAKER_DELAY_MS},
     * {@code SMARTSYNC_BREAKER_FAILURES}, {@code SMARTSYNC_MAX_RETRY_DELAY_MS} (also the most a
     * {@code Retry-After} is honoured for) and {@code SMARTSYNC_CALLS_PER_SECOND}.
     */
    static CaspioPolicy policy(Env env, SyncConfig s) {
        CaspioPolicy d = CaspioPolicy.defaults();
        long breakerDelay = env.get("SMARTSYNC_BREAKER_DELAY_MS")
                .map(v -> parseLong("SMARTSYNC_BREAKER_DELAY_MS", v))
                .orElse(s.autoSyncInterval()); // paused for one sync cycle, then one trial call
        long breakerFailures = env.get("SMARTSYNC_BREAKER_FAILURES")
                .map(v -> parseLong("SMARTSYNC_BREAKER_FAILURES", v))
                .orElse((long) d.breakerFailures());
        long maxDelay = env.get("SMARTSYNC_MAX_RETRY_DELAY_MS")
                .map(v -> parseLong("SMARTSYNC_MAX_RETRY_DELAY_MS", v))
                .orElse(Math.max(s.retryDelayMs(), d.maxRetryDelay().toMillis()));
        long rate = env.get("SMARTSYNC_CALLS_PER_SECOND")
                .map(v -> parseLong("SMARTSYNC_CALLS_PER_SECOND", v))
                .orElse((long) d.callsPerSecond());
        try {
            return new CaspioPolicy(
                    s.maxRetryAttempts(),
                    Duration.ofMillis(s.retryDelayMs()),
                    Duration.ofMillis(maxDelay), // SMARTSYNC_MAX_RETRY_DELAY_MS was read but not used before
                    Duration.ofMillis(s.syncTimeoutMs()),
                    (int) breakerFailures,
                    Duration.ofMillis(breakerDelay),
                    (int) rate,
                    d.seed());
        } catch (IllegalArgumentException e) {
            throw new SettingException("Caspio client settings: " + e.getMessage());
        }
    }

    private static void number(Env env, String name, LongConsumer set) {
        env.get(name).ifPresent(v -> set.accept(parseLong(name, v)));
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new SettingException(name + " must be a whole number, was '" + value + "'");
        }
    }

    private static ConflictPolicy parse(String name, String value) {
        try {
            return ConflictPolicy.parse(value);
        } catch (IllegalArgumentException e) {
            throw new SettingException(name + ": " + e.getMessage());
        }
    }
}
