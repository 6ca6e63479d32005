package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.http.ApiSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's and access's settings from the environment; a bad one stops `serve` with status 2 and its name. */
class ApiSettingsTest {
    @TempDir
    Path dir;

    private Map<String, String> env(String name, String value) {
        Map<String, String> env = new HashMap<>();
        env.put("CASPIO_BASE_URL", "https://example.caspio.com");
        env.put("CASPIO_CLIENT_ID", "id");
        env.put("CASPIO_CLIENT_SECRET", "secret");
        env.put("SMARTSYNC_DATA_DIR", dir.toString());
        env.put(name, value);
        return env;
    }

    private String serveFails(String name, String value) {
        StringWriter err = new StringWriter();
        int status = Main.run(
                new String[] {"serve"}, env(name, value), new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(status).isEqualTo(2);
        return err.toString();
    }

    @Test
    void bad_api_and_access_settings_are_named() {
        assertThat(serveFails(
                        "SMARTSYNC_TLS_KEYSTORE", dir.resolve("missing.p12").toString()))
                .contains("SMARTSYNC_TLS_KEYSTORE");
        assertThat(serveFails("SMARTSYNC_AUDIT_RETENTION_DAYS", "forever")).contains("SMARTSYNC_AUDIT_RETENTION_DAYS");
        assertThat(serveFails("SMARTSYNC_SESSION_IDLE_MINUTES", "0")).contains("SMARTSYNC_SESSION_IDLE_MINUTES");
        assertThat(serveFails("SMARTSYNC_MEMBER_ID_PATTERN", "([")).contains("SMARTSYNC_MEMBER_ID_PATTERN");
        assertThat(serveFails("SMARTSYNC_MAX_REQUEST_BYTES", "12"))
                .contains("SMARTSYNC_MAX_REQUEST_BYTES: maxRequestBytes must be at least 4096");
    }

    @Test
    void follow_up_statuses_are_separated_by_a_bar_because_they_hold_spaces() {
        ApiSettings s = HttpSettings.fromEnv(
                new Env(env("SMARTSYNC_FOLLOW_UP_STATUSES", "🟢Open | 🟡 Priority|🟡Priority||🔴 Urgent")),
                "127.0.0.1",
                0);
        assertThat(s.followUpStatuses()).containsExactlyInAnyOrder("🟢Open", "🟡 Priority", "🟡Priority", "🔴 Urgent");
        assertThat(s.tls()).isNull();
        assertThat(s.webhookSecret()).isNull();
    }
}
