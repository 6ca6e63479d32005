package io.smartsync.emulator;

import static io.smartsync.emulator.EmulatorClient.V2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /_emulator/*}: faults and stats over HTTP, with no Caspio token. */
class AdminEndpointsTest {

    @TempDir
    static Path dir;

    static CaspioEmulator emulator;
    static EmulatorClient client;

    @BeforeAll
    static void start() {
        emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir)
                .withPort(0)
                .withMembers(2)
                .withSeed(5)
                .withFaults(FaultConfig.parse("latency=1ms")));
        client = new EmulatorClient(emulator).login("demo", "demo-secret");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void backToStartFaults() {
        emulator.faults(FaultConfig.parse("latency=1ms"));
        emulator.resetStats();
    }

    @Test
    void get_faults_answers_the_spec_and_seed_given_at_start() {
        var answer = client.admin("GET", "/_emulator/faults", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("spec").asText()).isEqualTo("latency=1ms");
        assertThat(answer.json().get("seed").asLong()).isEqualTo(5);
    }

    @Test
    void put_faults_replaces_them_at_runtime() {
        var answer = client.admin("PUT", "/_emulator/faults", "{\"spec\":\"error5xx=1, retryAfter=2s\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("spec").asText()).isEqualTo("error5xx=1,retryAfter=2s");
        assertThat(emulator.faults().error5xx()).isEqualTo(1.0);
        assertThat(client.get(V2 + "/records").status()).isIn(500, 503);
    }

    @Test
    void put_faults_with_a_bad_spec_is_400_naming_the_key_and_changes_nothing() {
        var answer = client.admin("PUT", "/_emulator/faults", "{\"spec\":\"latency=80ms,eror5xx=0.1\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("Code").asText()).isEqualTo("IncorrectBodyParameter");
        assertThat(answer.json().get("Message").asText()).contains("unknown key 'eror5xx'");
        assertThat(emulator.faults()).isEqualTo(FaultConfig.parse("latency=1ms"));
    }

    @Test
    void put_faults_without_a_spec_or_with_a_bad_seed_is_400() {
        assertThat(client.admin("PUT", "/_emulator/faults", "{}").status()).isEqualTo(400);
        assertThat(client.admin("PUT", "/_emulator/faults", "not json").status())
                .isEqualTo(400);
        assertThat(client.admin("PUT", "/_emulator/faults", "{\"spec\":\"\",\"seed\":\"x\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void put_faults_can_change_the_seed() {
        var answer = client.admin("PUT", "/_emulator/faults", "{\"spec\":\"none\",\"seed\":99}");

        assertThat(answer.json().get("seed").asLong()).isEqualTo(99);
        assertThat(answer.json().get("spec").asText()).isEmpty();
        client.admin("PUT", "/_emulator/faults", "{\"spec\":\"\",\"seed\":5}");
    }

    @Test
    void stats_answers_counters_as_json() {
        client.get(V2 + "/records", "q.limit", "3");
        client.get(V2 + "/records", "q.select", "COUNT(*)");

        JsonNode stats = client.admin("GET", "/_emulator/stats", null).json();

        assertThat(stats.get("requests").get("read").asLong()).isEqualTo(1);
        assertThat(stats.get("requests").get("count").asLong()).isEqualTo(1);
        assertThat(stats.get("requests").get("token").asLong()).isZero();
        assertThat(stats.get("statuses").get("200").asLong()).isEqualTo(2);
        assertThat(stats.get("rowsReturned").asLong()).isEqualTo(3);
        assertThat(stats.get("bytesOut").asLong()).isPositive();
        assertThat(stats.get("faults").get("latency").asLong()).isEqualTo(2);
        assertThat(stats.get("injectedDelayMs").asLong()).isEqualTo(2);
        assertThat(stats.has("bytesIn")).isTrue();
    }

    @Test
    void reset_zeroes_the_stats_and_clears_every_fault() {
        client.get(V2 + "/records", "q.limit", "1");
        emulator.failNext(3, 500);

        var answer = client.admin("POST", "/_emulator/reset", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("spec").asText()).isEmpty();
        assertThat(emulator.faults()).isEqualTo(FaultConfig.NONE);
        assertThat(emulator.stats().totalRequests()).isZero();
        assertThat(client.get(V2 + "/records", "q.limit", "1").status())
                .as("queued failures are cleared too")
                .isEqualTo(200);
    }

    @Test
    void admin_routes_need_no_token_and_are_not_counted() {
        client.admin("GET", "/_emulator/faults", null);
        client.admin("GET", "/_emulator/stats", null);

        assertThat(emulator.stats().totalRequests()).isZero();
        assertThat(client.admin("GET", "/_emulator/nothing", null).status()).isEqualTo(404);
    }
}
