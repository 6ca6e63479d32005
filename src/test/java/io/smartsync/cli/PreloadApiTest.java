package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorStats;
import io.smartsync.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preload through the API: an admin starts it, and members are then answered without a full download. */
class PreloadApiTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;
    private static final List<String> MEMBERS =
            List.of("CL000001", "CL000002", "CL000003", "CL000004", "CL000005", "CL000006");

    @TempDir
    Path dir;

    Demo demo;
    TestApi api;

    @BeforeEach
    void start() {
        demo = Demo.start(Demo.Options.of(dir, 6, SyncConfig.defaults()));
        api = new TestApi(demo.port(), demo.adminKey());
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    private boolean synced(String member) {
        return api.get("/api/sync-status?clientId2=" + member)
                .body()
                .path("data")
                .path("initialSyncCompleted")
                .asBoolean();
    }

    private long rowsOf(String member) {
        return demo.emulator().rows(TABLE).stream()
                .filter(r -> member.equals(r.get("Client_ID2")))
                .count();
    }

    @Test
    void after_a_preload_members_are_answered_from_the_store_or_incrementally_and_see_later_edits() {
        TestApi.Answer started = api.post("/api/sync/preload", Map.of());

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().path("data").path("started").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> MEMBERS.stream().allMatch(this::synced));

        EmulatorStats before = demo.emulator().stats();
        JsonNode first = api.get("/api/client-notes?clientId2=CL000001").body().path("data");
        EmulatorStats after = demo.emulator().stats();

        assertThat(first.path("sync").path("type").asText()).isIn("cached", "incremental");
        assertThat(first.path("notes").size()).isEqualTo(rowsOf("CL000001"));
        assertThat(after.requests(EmulatorStats.Kind.COUNT) - before.requests(EmulatorStats.Kind.COUNT))
                .as("no delete check yet: the preload has just read every row")
                .isZero();
        assertThat(after.bytesOut() - before.bytesOut())
                .as("no re-download: only rows changed since the cursor and the member's keys (the delete check)")
                .isLessThan(first.path("notes").toString().length() / 4);

        Map<String, Object> row = demo.emulator().rows(TABLE).stream()
                .filter(r -> "CL000002".equals(r.get("Client_ID2")))
                .findFirst()
                .orElseThrow();
        demo.emulator()
                .update(TABLE, ((Number) row.get("PK_ID")).longValue(), Map.of("Comments", "Edited after the preload"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/client-notes?clientId2=CL000002")
                        .body()
                        .path("data")
                        .path("notes")
                        .findValuesAsText("comments")
                        .contains("Edited after the preload"));
        assertThat(api.get("/api/sync/metrics")
                        .body()
                        .path("data")
                        .path("syncedMembers")
                        .asInt())
                .isGreaterThanOrEqualTo(MEMBERS.size());
    }
}
