package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorStats;
import io.smartsync.sync.SyncConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures of {@code /api/sync/metrics} and {@code /api/sync-status} against scenarios whose true
 * values the test measures on its own: Caspio's answer for a member read from the emulator over HTTP, and
 * the bytes the emulator itself saw.
 */
class FiguresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The poll runs once, at start: the service is otherwise quiet while the test measures. */
    private static final SyncConfig QUIET =
            SyncConfig.builder().pageSize(10).autoSyncInterval(3_600_000).build();

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void data_transfer_saved_is_every_visits_full_answer_minus_every_byte_exchanged_with_caspio() throws Exception {
        try (ApiFixture f = ApiFixture.start(dir, 4, s -> s, QUIET)) {
            Caller staff = f.staff();
            awaitFirstPoll(f);
            Own own = new Own(f.emulator);

            // Given three visits of one member (initial, cached after a poll, cached after a row added in
            // Caspio and a forced check) and one of another
            assertThat(type(staff.get("/api/client-notes?clientId2=CL000001"))).isEqualTo("initial");
            long reload = own.answerBytes("CL000001");
            assertThat(staff.post("/api/sync/force", Map.of()).status()).isEqualTo(200); // a poll
            assertThat(type(staff.get("/api/client-notes?clientId2=CL000001"))).isEqualTo("cached");
            reload += own.answerBytes("CL000001");
            f.emulator.insert(CaspioEmulator.NOTES_TABLE, Map.of("Client_ID2", "CL000001", "Comments", "added there"));
            assertThat(staff.post("/api/sync/force", Map.of("clientId2", "CL000001"))
                            .status())
                    .isEqualTo(200);
            assertThat(type(staff.get("/api/client-notes?clientId2=CL000001"))).isEqualTo("cached");
            reload += own.answerBytes("CL000001");
            assertThat(type(staff.get("/api/client-notes?clientId2=CL000002"))).isEqualTo("initial");
            reload += own.answerBytes("CL000002");
            long expectedReload = reload;

            // Then the two counters are exact, and the saving is their difference
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                long exchanged = own.everything() - own.bytes;
                JsonNode m = staff.get("/api/sync/metrics").data();
                assertThat(m.path("fullReloadBytes").asLong()).isEqualTo(expectedReload);
                assertThat(m.path("caspioBytes").asLong()).isEqualTo(exchanged);
                assertThat(m.path("dataTransferSaved").asLong()).isEqualTo(expectedReload - exchanged);
            });
        }
    }

    @Test
    void total_members_counts_a_member_whose_first_sync_failed_and_synced_members_does_not() {
        try (ApiFixture f = ApiFixture.start(dir, 4, s -> s, QUIET)) {
            Caller staff = f.staff();
            assertThat(type(staff.get("/api/client-notes?clientId2=CL000001"))).isEqualTo("initial");
            f.emulator.failNext(1_000, 500);

            assertThat(type(staff.get("/api/client-notes?clientId2=CL000003"))).isEqualTo("stale");

            JsonNode m = staff.get("/api/sync/metrics").data();
            assertThat(m.path("totalMembers").asInt()).isEqualTo(2);
            assertThat(m.path("syncedMembers").asInt()).isEqualTo(1);
            JsonNode status = staff.get("/api/sync-status?clientId2=CL000003").data();
            assertThat(status.path("initialSyncCompleted").asBoolean()).isFalse();
        }
    }

    @Test
    void member_sync_status_counts_a_note_the_poll_stored_and_moves_its_last_sync_with_the_poll() {
        try (ApiFixture f = ApiFixture.start(dir, 4, s -> s, QUIET)) {
            Caller staff = f.staff();
            awaitFirstPoll(f);
            JsonNode first = staff.get("/api/client-notes?clientId2=CL000002").data();
            int before = first.path("notes").size();
            String syncedAt = staff.get("/api/sync-status?clientId2=CL000002")
                    .data()
                    .path("lastSyncTimestamp")
                    .asText();

            // When a row is added in Caspio and the poll (not a selection) stores it
            Map<String, Object> row = f.emulator.insert(
                    CaspioEmulator.NOTES_TABLE,
                    Map.of("Client_ID2", "CL000002", "Comments", "added there", "Sync_ID", "added-in-caspio"));
            assertThat(row).containsKey("PK_ID");
            assertThat(staff.post("/api/sync/force", Map.of()).status()).isEqualTo(200);

            // Then the status counts it, names it as the newest, and its last sync is the poll's
            JsonNode status = staff.get("/api/sync-status?clientId2=CL000002").data();
            assertThat(status.path("totalNotesCount").asInt()).isEqualTo(before + 1);
            assertThat(status.path("lastNoteId").asText()).isEqualTo("added-in-caspio");
            assertThat(status.path("lastSyncTimestamp").asText()).isGreaterThan(syncedAt);
            JsonNode cached = staff.get("/api/client-notes?clientId2=CL000002").data();
            assertThat(cached.path("sync").path("type").asText()).isEqualTo("cached");
            assertThat(cached.path("sync").path("lastSync").asText())
                    .isEqualTo(status.path("lastSyncTimestamp").asText());
        }
    }

    @Test
    void the_audit_line_of_a_create_names_the_note_and_the_history_states_its_caps() {
        try (ApiFixture f = ApiFixture.start(dir, 2, s -> s, QUIET)) {
            Caller.Answer created =
                    f.staff().post("/api/client-notes", Map.of("clientId2", "CL000001", "comments", "Called member"));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String noteId = created.data().path("noteId").asText();

            JsonNode lines =
                    f.admin().get("/api/audit?action=notes.create").data().path("entries");
            assertThat(lines.findValuesAsText("noteId")).containsExactly(noteId);

            JsonNode history = f.staff().get("/api/sync/history?hours=168").data();
            assertThat(history.path("maxHours").asInt()).isEqualTo(168);
            assertThat(history.path("recentLimit").asInt()).isEqualTo(50);
            assertThat(f.staff().get("/api/sync/history?hours=169").status()).isEqualTo(400);
        }
    }

    private static String type(Caller.Answer a) {
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        return a.data().path("sync").path("type").asText();
    }

    private static void awaitFirstPoll(ApiFixture f) {
        Caller staff = f.staff();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode kinds = staff.get("/api/sync/history?hours=1").data().path("hours");
            return kinds.findValues("runs").stream().mapToInt(JsonNode::asInt).sum() > 0;
        });
    }

    /** The test's own calls to the emulator, measured by the emulator, so they can be told apart. */
    private final class Own {
        private final CaspioEmulator emulator;
        long bytes;

        Own(CaspioEmulator emulator) {
            this.emulator = emulator;
        }

        long everything() {
            EmulatorStats s = emulator.stats();
            return s.bytesIn() + s.bytesOut() + s.uriBytes();
        }

        /** The body of Caspio's answer to "every row of this member", read over HTTP. */
        long answerBytes(String member) throws IOException, InterruptedException {
            long before = everything();
            String base = emulator.baseUri().toString();
            String form = "grant_type=client_credentials&client_id=demo&client_secret=demo-secret";
            HttpResponse<String> token = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String access = JSON.readTree(token.body()).path("access_token").asText();
            String where = URLEncoder.encode("Client_ID2='" + member + "'", StandardCharsets.UTF_8);
            HttpResponse<byte[]> rows = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/rest/v2/tables/" + CaspioEmulator.NOTES_TABLE
                                    + "/records?q.where=" + where + "&q.limit=1000"))
                            .header("Authorization", "Bearer " + access)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(rows.statusCode()).isEqualTo(200);
            bytes += everything() - before;
            return rows.body().length;
        }
    }
}
