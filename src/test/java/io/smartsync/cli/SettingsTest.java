package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing or bad setting stops `serve` with exit status 2 and a message that names it. */
class SettingsTest {
    @TempDir
    Path dir;

    record Run(int status, String err) {}

    private Run serve(Map<String, String> env) {
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"serve"}, env, new PrintWriter(new StringWriter()), new PrintWriter(err));
        return new Run(status, err.toString());
    }

    private Map<String, String> complete() {
        Map<String, String> env = new HashMap<>();
        env.put("CASPIO_BASE_URL", "https://example.caspio.com");
        env.put("CASPIO_CLIENT_ID", "id");
        env.put("CASPIO_CLIENT_SECRET", "secret");
        env.put("SMARTSYNC_DATA_DIR", dir.toString());
        return env;
    }

    @Test
    void serve_without_a_caspio_account_names_the_missing_variable() {
        Map<String, String> env = complete();
        env.remove("CASPIO_BASE_URL");
        Run run = serve(env);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("CASPIO_BASE_URL is not set");
    }

    @Test
    void a_preload_setting_that_is_not_true_or_false_is_named() {
        Map<String, String> env = complete();
        env.put("SMARTSYNC_PRELOAD", "yes");
        Run run = serve(env);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("SMARTSYNC_PRELOAD must be true or false");
    }

    @Test
    void a_read_cache_bound_out_of_range_is_named() {
        Map<String, String> env = complete();
        env.put("SMARTSYNC_READ_CACHE_NOTES", "-1");
        Run run = serve(env);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("SMARTSYNC_READ_CACHE_NOTES must be between 0 (no cache) and 10000000, was -1");
    }

    @Test
    void serve_without_a_secret_names_the_secret_setting() {
        Map<String, String> env = complete();
        env.remove("CASPIO_CLIENT_SECRET");
        Run run = serve(env);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("CASPIO_CLIENT_SECRET");
        assertThat(run.err()).doesNotContain("secret=");
    }

    @Test
    void a_bad_port_or_api_version_is_named() {
        Map<String, String> env = complete();
        env.put("SMARTSYNC_PORT", "eighty");
        assertThat(serve(env)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).contains("SMARTSYNC_PORT must be a port number");
        });

        env = complete();
        env.put("CASPIO_API_VERSION", "v9");
        assertThat(serve(env).err()).contains("CASPIO_API_VERSION must be v2 or v3");

        env = complete();
        env.put("CASPIO_BASE_URL", "ftp://example.com");
        assertThat(serve(env).err()).contains("CASPIO_BASE_URL must be an http(s) URL");
    }

    @Test
    void a_push_concurrency_out_of_range_or_a_lease_shorter_than_three_heartbeats_is_named() {
        Map<String, String> env = complete();
        env.put("SMARTSYNC_PUSH_CONCURRENCY", "0");
        assertThat(serve(env)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).contains("SMARTSYNC_PUSH_CONCURRENCY must be between 1 and 100, was 0");
        });

        env = complete();
        env.put("SMARTSYNC_PUSH_LEASE_MS", "2000");
        env.put("SMARTSYNC_PUSH_HEARTBEAT_MS", "1000");
        assertThat(serve(env)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err())
                    .contains("SMARTSYNC_PUSH_LEASE_MS must be at least 3 x SMARTSYNC_PUSH_HEARTBEAT_MS")
                    .contains("was 2000 ms with SMARTSYNC_PUSH_HEARTBEAT_MS 1000 ms");
        });

        // Unset, the heartbeat follows the lease: a short lease alone stays valid
        assertThat(SyncSettings.fromEnv(new Env(Map.of("SMARTSYNC_PUSH_LEASE_MS", "900")))
                        .pushHeartbeat())
                .isEqualTo(java.time.Duration.ofMillis(300));
    }

    @Test
    void a_store_url_of_another_database_is_named() {
        Map<String, String> env = complete();
        env.put("SMARTSYNC_DB", "jdbc:mysql://127.0.0.1/notes");

        Run run = serve(env);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("SMARTSYNC_DB names a database this service cannot use (jdbc:mysql:)");
    }

    @Test
    void a_postgresql_store_that_does_not_answer_is_named_without_its_password() {
        Map<String, String> env = complete();
        env.put("SMARTSYNC_DB", "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=hunter2");

        Run run = serve(env);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .contains("SMARTSYNC_DB: store jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=***")
                .doesNotContain("hunter2");
    }
}
