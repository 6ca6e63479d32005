package io.smartsync.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code --config} file of {@code serve} and {@code demo}: a Java {@code .properties} file whose keys
 * are the names of the environment variables ({@code SMARTSYNC_PAGE_SIZE=250}). It lies under the
 * environment: a variable that is set wins. A key no command reads is refused, so a typo is not ignored.
 */
final class ConfigFile {
    private ConfigFile() {}

    /**
     * Every setting {@code serve} and {@code demo} read. {@code SMARTSYNC_LOG_LEVEL} is not here: the
     * logger reads it from the environment before any file is opened.
     */
    static final Set<String> KEYS = Set.of(
            "CASPIO_API_VERSION",
            "CASPIO_BASE_URL",
            "CASPIO_CLIENT_ID",
            "CASPIO_CLIENT_SECRET",
            "CASPIO_CLIENT_SECRET_FILE",
            "CASPIO_TABLE",
            "SMARTSYNC_API_KEY",
            "SMARTSYNC_AUDIT_RETENTION_DAYS",
            "SMARTSYNC_AUTO_SYNC_INTERVAL_MS",
            "SMARTSYNC_BATCH_SIZE",
            "SMARTSYNC_BREAKER_DELAY_MS",
            "SMARTSYNC_BREAKER_FAILURES",
            "SMARTSYNC_BROWSER_OFFLINE",
            "SMARTSYNC_BROWSER_OFFLINE_HOURS",
            "SMARTSYNC_CALLS_PER_SECOND",
            "SMARTSYNC_CONFLICT_POLICY",
            "SMARTSYNC_COOKIE_SECURE",
            "SMARTSYNC_DATA_DIR",
            "SMARTSYNC_DB",
            "SMARTSYNC_FOLLOW_UP_STATUSES",
            "SMARTSYNC_HISTORY_RETENTION_DAYS",
            "SMARTSYNC_HOST",
            "SMARTSYNC_MAX_REQUEST_BYTES",
            "SMARTSYNC_MAX_RETRY_ATTEMPTS",
            "SMARTSYNC_MAX_RETRY_DELAY_MS",
            "SMARTSYNC_MEMBER_ID_PATTERN",
            "SMARTSYNC_OFFLINE_QUEUE_LIMIT",
            "SMARTSYNC_OVERLAP_SECONDS",
            "SMARTSYNC_PAGE_SIZE",
            "SMARTSYNC_PORT",
            "SMARTSYNC_PRELOAD",
            "SMARTSYNC_PUSH_CONCURRENCY",
            "SMARTSYNC_PUSH_HEARTBEAT_MS",
            "SMARTSYNC_PUSH_LEASE_MS",
            "SMARTSYNC_READ_CACHE_NOTES",
            "SMARTSYNC_RECONCILE_INTERVAL_MS",
            "SMARTSYNC_RETRY_DELAY_MS",
            "SMARTSYNC_SELECTION_DEADLINE_MS",
            "SMARTSYNC_SESSION_IDLE_MINUTES",
            "SMARTSYNC_SESSION_MAX_HOURS",
            "SMARTSYNC_SIGNIN_DELAY_MS",
            "SMARTSYNC_SIGNIN_FREE_FAILURES",
            "SMARTSYNC_SIGNIN_HASH_QUEUE",
            "SMARTSYNC_SIGNIN_HASH_THREADS",
            "SMARTSYNC_SIGNIN_LOCKOUT_FAILURES",
            "SMARTSYNC_SIGNIN_LOCKOUT_MINUTES",
            "SMARTSYNC_SIGNIN_MAX_DELAY_MS",
            "SMARTSYNC_SYNC_TIMEOUT_MS",
            "SMARTSYNC_TABLE_RECONCILE_INTERVAL_MS",
            "SMARTSYNC_TLS_KEYSTORE",
            "SMARTSYNC_TLS_KEYSTORE_PASSWORD",
            "SMARTSYNC_TLS_KEYSTORE_PASSWORD_FILE",
            "SMARTSYNC_TRUSTED_PROXIES",
            "SMARTSYNC_WEBHOOK_ID",
            "SMARTSYNC_WEBHOOK_MAX_AGE_SECONDS",
            "SMARTSYNC_WEBHOOK_SECRET",
            "SMARTSYNC_WEBHOOK_SIGNATURE_HEADER",
            "SMARTSYNC_WEBHOOK_ZONE");

    /** The file's settings by name; a file that cannot be read, or a key no command reads, is refused. */
    static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingException("--config: cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> settings = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new SettingException(file + ": unknown setting '" + key + "'" + nearest(key)
                        + "; the file takes the names of the environment variables (serve --help)");
            }
            settings.put(key, p.getProperty(key));
        }
        return settings;
    }

    /** " (did you mean X?)" for a key a letter or two away from a known one, else nothing. */
    private static String nearest(String key) {
        return KEYS.stream()
                .filter(k -> distance(k, key) <= 2)
                .min(Comparator.comparingInt(k -> distance(k, key)))
                .map(k -> " (did you mean " + k + "?)")
                .orElse("");
    }

    /** Levenshtein distance: the single-letter edits that turn {@code a} into {@code b}. */
    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                int same = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + same);
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
