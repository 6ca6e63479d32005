package io.smartsync.cli;

import io.smartsync.http.ApiSettings;
import io.smartsync.http.BrowserOffline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The HTTP API's settings from {@code SMARTSYNC_*} variables: {@code SMARTSYNC_TLS_KEYSTORE} with
 * {@code SMARTSYNC_TLS_KEYSTORE_PASSWORD[_FILE]}, {@code SMARTSYNC_COOKIE_SECURE},
 * {@code SMARTSYNC_FOLLOW_UP_STATUSES} (separated by {@code |}), {@code SMARTSYNC_MEMBER_ID_PATTERN},
 * {@code SMARTSYNC_MAX_REQUEST_BYTES}, {@code SMARTSYNC_WEBHOOK_SECRET}, {@code SMARTSYNC_BROWSER_OFFLINE}
 * ({@code on}|{@code off}) and {@code SMARTSYNC_BROWSER_OFFLINE_HOURS}. Every error names its variable.
 */
final class HttpSettings {
    private HttpSettings() {}

    static ApiSettings fromEnv(Env env, String host, int port) {
        ApiSettings s = ApiSettings.defaults(host, port)
                .withWebhookSecret(env.get("SMARTSYNC_WEBHOOK_SECRET").orElse(null));
        for (String pattern : env.get("SMARTSYNC_MEMBER_ID_PATTERN").stream().toList()) {
            s = named("SMARTSYNC_MEMBER_ID_PATTERN", s, x -> x.withMemberIds(pattern(pattern)));
        }
        for (String list : env.get("SMARTSYNC_FOLLOW_UP_STATUSES").stream().toList()) {
            s = named("SMARTSYNC_FOLLOW_UP_STATUSES", s, x -> x.withFollowUpStatuses(statuses(list)));
        }
        long bytes = env.whole("SMARTSYNC_MAX_REQUEST_BYTES", s.maxRequestBytes());
        s = named("SMARTSYNC_MAX_REQUEST_BYTES", s, x -> x.withMaxRequestBytes(bytes));
        s = s.withSecureCookies(
                env.get("SMARTSYNC_COOKIE_SECURE").map(Boolean::parseBoolean).orElse(false));
        s = s.withBrowserOffline(browserOffline(env));
        if (env.get("SMARTSYNC_TLS_KEYSTORE").isPresent()) {
            Path keystore = Path.of(env.get("SMARTSYNC_TLS_KEYSTORE").get());
            if (!Files.isReadable(keystore)) {
                throw new SettingException("SMARTSYNC_TLS_KEYSTORE: cannot read " + keystore);
            }
            s = s.withTls(new ApiSettings.Tls(keystore, password(env)));
        }
        return s;
    }

    /** Device storage of the pages: on by default, notes kept 12 hours. */
    static BrowserOffline browserOffline(Env env) {
        String mode = env.get("SMARTSYNC_BROWSER_OFFLINE").orElse("on").strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("on") && !mode.equals("off")) {
            throw new SettingException("SMARTSYNC_BROWSER_OFFLINE must be on or off, was '" + mode + "'");
        }
        long hours = env.whole("SMARTSYNC_BROWSER_OFFLINE_HOURS", BrowserOffline.DEFAULT_KEEP.toHours());
        BrowserOffline offline;
        try {
            offline = new BrowserOffline(true, Duration.ofHours(hours), BrowserOffline.DEFAULT_ITERATIONS);
        } catch (IllegalArgumentException e) {
            throw new SettingException("SMARTSYNC_BROWSER_OFFLINE_HOURS: " + e.getMessage());
        }
        return mode.equals("off") ? offline.off() : offline;
    }

    /** A value {@link ApiSettings} refuses, reported with the variable it came from. */
    private static ApiSettings named(String variable, ApiSettings s, UnaryOperator<ApiSettings> change) {
        try {
            return change.apply(s);
        } catch (IllegalArgumentException e) {
            throw new SettingException(variable + ": " + e.getMessage());
        }
    }

    /** {@code 🟢Open|🔴Closed|🟡 Priority}: a bar separates them, because statuses contain spaces and commas. */
    static Set<String> statuses(String text) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(text.split("\\|"))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .forEach(out::add);
        return out;
    }

    private static Pattern pattern(String text) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new SettingException(
                    "SMARTSYNC_MEMBER_ID_PATTERN is not a regular expression: " + e.getDescription());
        }
    }

    private static String password(Env env) {
        return env.get("SMARTSYNC_TLS_KEYSTORE_PASSWORD").orElseGet(() -> {
            String file = env.get("SMARTSYNC_TLS_KEYSTORE_PASSWORD_FILE")
                    .orElseThrow(() -> new SettingException("SMARTSYNC_TLS_KEYSTORE is set but neither"
                            + " SMARTSYNC_TLS_KEYSTORE_PASSWORD nor SMARTSYNC_TLS_KEYSTORE_PASSWORD_FILE is"));
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new SettingException("SMARTSYNC_TLS_KEYSTORE_PASSWORD_FILE cannot be read: " + e.getMessage());
            }
        });
    }
}
