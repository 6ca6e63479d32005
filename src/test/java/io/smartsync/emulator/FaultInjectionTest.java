package io.smartsync.emulator;

import static io.smartsync.emulator.EmulatorClient.V2;
import static io.smartsync.emulator.EmulatorClient.V3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The faults queued by hand (failNext, throttleNext, dropNextAfterCommit, expireTokens) over real HTTP. */
class FaultInjectionTest {

    @TempDir
    static Path dir;

    static MutableClock clock = new MutableClock(Instant.parse("2026-01-17T10:00:00Z"));
    static CaspioEmulator emulator;
    static EmulatorClient client;

    @BeforeAll
    static void start() {
        emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir)
                .withPort(0)
                .withMembers(0)
                .withSeed(7)
                .withClock(clock));
        for (int i = 1; i <= 5; i++) {
            emulator.insert(CaspioEmulator.NOTES_TABLE, Map.of("Note_ID", "seed-" + i, "Client_ID2", "CL000001"));
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void cleanSlate() {
        client = new EmulatorClient(emulator).login("demo", "demo-secret");
        assertThat(client.admin("POST", "/_emulator/reset", null).status()).isEqualTo(200);
    }

    static String note(String syncId) {
        return "{\"Note_ID\":\"n-" + UUID.randomUUID() + "\",\"Client_ID2\":\"CL000002\",\"Comments\":\"hello\","
                + "\"Sync_ID\":\"" + syncId + "\"}";
    }

    static List<Map<String, Object>> rowsWithSyncId(String syncId) {
        return emulator.rows(CaspioEmulator.NOTES_TABLE).stream()
                .filter(r -> syncId.equals(r.get("Sync_ID")))
                .toList();
    }

    @Test
    void fail_next_answers_500_then_503_with_caspios_error_body_before_doing_anything() {
        emulator.failNext(1, 500);
        emulator.failNext(1, 503);
        String syncId = UUID.randomUUID().toString();

        var first = client.call("POST", V2 + "/records", note(syncId));
        var second = client.get(V3 + "/records", "q.limit", "1");
        var third = client.get(V2 + "/records", "q.limit", "1");

        assertThat(first.status()).isEqualTo(500);
        assertThat(first.json().get("Code").asText()).isEqualTo("InternalServerError");
        assertThat(first.json().get("RequestId").asText()).isEqualTo(first.requestId());
        assertThat(first.json().get("Resource").asText()).isEqualTo(V2 + "/records");
        assertThat(second.status()).isEqualTo(503);
        assertThat(second.json().get("Code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(third.status()).isEqualTo(200);
        assertThat(rowsWithSyncId(syncId)).isEmpty();
        EmulatorStats stats = emulator.stats();
        assertThat(stats.faults(EmulatorStats.Fault.ERROR_5XX)).isEqualTo(2);
        assertThat(stats.status(500)).isEqualTo(1);
        assertThat(stats.status(503)).isEqualTo(1);
    }

    @Test
    void fail_next_spares_the_token_endpoint_and_the_admin_routes() {
        emulator.failNext(1, 500);

        EmulatorClient fresh = new EmulatorClient(emulator).login("demo", "demo-secret");
        var admin = fresh.admin("GET", "/_emulator/stats", null);
        var api = fresh.get(V2 + "/records", "q.limit", "1");

        assertThat(admin.status()).isEqualTo(200);
        assertThat(api.status()).isEqualTo(500);
    }

    @Test
    void fail_next_refuses_a_status_that_is_not_5xx() {
        assertThatThrownBy(() -> emulator.failNext(1, 404))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("404");
    }

    @Test
    void throttle_next_answers_429_with_retry_after_in_whole_seconds_rounded_up_and_caspios_body() {
        emulator.throttleNext(1, Duration.ofMillis(1500));
        emulator.throttleNext(1, Duration.ZERO);

        var first = client.get(V2 + "/records", "q.select", "COUNT(*)");
        var second = client.get(V2 + "/records", "q.limit", "1");
        var third = client.get(V2 + "/records", "q.limit", "1");

        assertThat(first.status()).isEqualTo(429);
        assertThat(first.header("Retry-After")).isEqualTo("2");
        assertThat(first.json().get("Code").asText()).isEqualTo("TooManyRequests");
        assertThat(first.json().get("RequestId").asText()).isEqualTo(first.requestId());
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.header("Retry-After")).isEqualTo("1");
        assertThat(third.status()).isEqualTo(200);
        assertThat(emulator.stats().faults(EmulatorStats.Fault.THROTTLE_429)).isEqualTo(2);
    }

    @Test
    void a_write_dropped_after_commit_gives_the_client_an_io_error_yet_the_row_is_stored_once() {
        emulator.dropNextAfterCommit(1);
        String syncId = UUID.randomUUID().toString();

        assertThatThrownBy(() -> client.call("POST", V2 + "/records", note(syncId)))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);

        assertThat(rowsWithSyncId(syncId)).hasSize(1);
        var lookedUp = client.get(V2 + "/records", "q.where", "Sync_ID='" + syncId + "'");
        assertThat(lookedUp.result()).hasSize(1);
        assertThat(client.call("POST", V2 + "/records", note(UUID.randomUUID().toString()))
                        .status())
                .as("only one write is dropped")
                .isEqualTo(201);
        EmulatorStats stats = emulator.stats();
        assertThat(stats.faults(EmulatorStats.Fault.DROP_AFTER_COMMIT)).isEqualTo(1);
        assertThat(stats.requests(EmulatorStats.Kind.CREATE)).isEqualTo(2);
        assertThat(stats.status(201)).as("a cut answers no status").isEqualTo(1);
    }

    @Test
    void a_refused_write_does_not_use_up_a_queued_drop() {
        emulator.dropNextAfterCommit(1);

        var refused = client.call("POST", V2 + "/records", "{\"No_Such_Field\":1}");

        assertThat(refused.status()).isEqualTo(400);
        assertThatThrownBy(() -> client.call(
                        "POST", V2 + "/records", note(UUID.randomUUID().toString())))
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void updates_and_deletes_are_dropped_after_commit_too() {
        long pk = ((Number) emulator.insert(CaspioEmulator.NOTES_TABLE, Map.of("Note_ID", "to-cut"))
                        .get("PK_ID"))
                .longValue();
        emulator.dropNextAfterCommit(2);

        assertThatThrownBy(() ->
                        client.call("PUT", V2 + "/records", "{\"Comments\":\"changed\"}", "q.where", "PK_ID=" + pk))
                .hasCauseInstanceOf(IOException.class);
        String afterUpdate = emulator.rows(CaspioEmulator.NOTES_TABLE).stream()
                .filter(r -> ((Number) r.get("PK_ID")).longValue() == pk)
                .map(r -> (String) r.get("Comments"))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> client.call("DELETE", V2 + "/records", null, "q.where", "PK_ID=" + pk))
                .hasCauseInstanceOf(IOException.class);

        assertThat(afterUpdate).isEqualTo("changed");
        assertThat(emulator.rows(CaspioEmulator.NOTES_TABLE))
                .noneMatch(r -> ((Number) r.get("PK_ID")).longValue() == pk);
    }

    @Test
    void expire_tokens_makes_every_issued_token_401_and_a_new_token_works() {
        EmulatorClient other = new EmulatorClient(emulator).login("demo", "demo-secret");

        emulator.expireTokens();

        assertThat(client.get("/rest/v2/tables").status()).isEqualTo(401);
        assertThat(other.get("/rest/v2/tables").status()).isEqualTo(401);
        assertThat(other.get("/rest/v2/tables").json().get("Code").asText()).isEqualTo("InvalidToken");
        EmulatorClient renewed = new EmulatorClient(emulator).login("demo", "demo-secret");
        assertThat(renewed.get("/rest/v2/tables").status()).isEqualTo(200);
        assertThat(emulator.stats().faults(EmulatorStats.Fault.TOKEN_EXPIRY)).isEqualTo(3);
    }

    @Test
    void the_admin_routes_are_never_faulted() {
        emulator.faults(FaultConfig.parse("error5xx=1"));

        assertThat(client.admin("GET", "/_emulator/stats", null).status()).isEqualTo(200);
        assertThat(client.admin("GET", "/_emulator/faults", null).status()).isEqualTo(200);
        assertThat(new EmulatorClient(emulator).login("demo", "demo-secret").token())
                .as("the token endpoint is spared too")
                .isNotBlank();
        assertThat(client.get("/rest/v2/tables").status()).isIn(500, 503);
    }
}
