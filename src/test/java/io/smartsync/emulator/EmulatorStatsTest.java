package io.smartsync.emulator;

import static io.smartsync.emulator.EmulatorClient.V2;
import static io.smartsync.emulator.EmulatorClient.V3;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorStatsTest {

    @TempDir
    Path dir;

    CaspioEmulator emulator;

    @BeforeEach
    void start() {
        emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir).withPort(0).withMembers(0));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void every_kind_of_call_its_status_bytes_and_rows_are_counted() {
        EmulatorClient client = new EmulatorClient(emulator).login("demo", "demo-secret");
        String body = "{\"Note_ID\":\"a\",\"Client_ID2\":\"CL000001\"}";

        client.get("/rest/v2/tables");
        client.get(V3 + "/fields");
        client.call("POST", V2 + "/fields", "{\"Name\":\"Extra\",\"Type\":\"STRING\"}");
        client.call("POST", V2 + "/records", body);
        client.call("POST", V2 + "/records", body);
        client.get(V2 + "/records");
        client.get(V2 + "/records", "q.select", "count(*)");
        client.call("PUT", V2 + "/records", "{\"Comments\":\"x\"}", "q.where", "PK_ID=1", "response", "rows");
        client.call("DELETE", V2 + "/records", null, "q.where", "PK_ID=2");
        client.get(V2 + "/nowhere");

        EmulatorStats stats = emulator.stats();
        assertThat(stats.requests(EmulatorStats.Kind.TOKEN)).isEqualTo(1);
        assertThat(stats.requests(EmulatorStats.Kind.TABLES)).isEqualTo(1);
        assertThat(stats.requests(EmulatorStats.Kind.FIELDS)).isEqualTo(1);
        assertThat(stats.requests(EmulatorStats.Kind.ADD_FIELD)).isEqualTo(1);
        assertThat(stats.requests(EmulatorStats.Kind.CREATE)).isEqualTo(2);
        assertThat(stats.requests(EmulatorStats.Kind.READ)).isEqualTo(1);
        assertThat(stats.requests(EmulatorStats.Kind.COUNT)).isEqualTo(1);
        assertThat(stats.requests(EmulatorStats.Kind.UPDATE)).isEqualTo(1);
        assertThat(stats.requests(EmulatorStats.Kind.DELETE)).isEqualTo(1);
        assertThat(stats.requests(EmulatorStats.Kind.OTHER)).isEqualTo(1);
        assertThat(stats.totalRequests()).isEqualTo(11);
        assertThat(stats.status(200)).isEqualTo(7);
        assertThat(stats.status(201)).isEqualTo(3);
        assertThat(stats.status(404)).isEqualTo(1);
        assertThat(stats.rowsReturned())
                .as("2 read + 1 updated with response=rows")
                .isEqualTo(3);
        long sent = "grant_type=client_credentials&client_id=demo&client_secret=demo-secret".length()
                + "{\"Name\":\"Extra\",\"Type\":\"STRING\"}".length()
                + 2L * body.getBytes(StandardCharsets.UTF_8).length
                + "{\"Comments\":\"x\"}".length();
        assertThat(stats.bytesIn()).isEqualTo(sent);
        assertThat(stats.bytesOut()).isGreaterThan(500);
        assertThat(stats.faults().values()).allMatch(n -> n == 0);
    }

    @Test
    void counters_are_exact_under_concurrent_calls() throws Exception {
        EmulatorClient client = new EmulatorClient(emulator).login("demo", "demo-secret");
        emulator.resetStats();

        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            IntStream.range(0, 80)
                    .mapToObj(i -> pool.submit(() -> client.get(V2 + "/records", "q.limit", "1")))
                    .toList()
                    .forEach(f -> {
                        try {
                            f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }

        assertThat(emulator.stats().requests(EmulatorStats.Kind.READ)).isEqualTo(80);
        assertThat(emulator.stats().status(200)).isEqualTo(80);
    }

    @Test
    void reset_stats_zeroes_everything() {
        new EmulatorClient(emulator).login("demo", "demo-secret").get("/rest/v2/tables");

        emulator.resetStats();

        EmulatorStats stats = emulator.stats();
        assertThat(stats.totalRequests()).isZero();
        assertThat(stats.statuses()).isEmpty();
        assertThat(stats.bytesIn() + stats.bytesOut() + stats.rowsReturned()).isZero();
    }
}
