package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Health, Prometheus metrics, the seed's sync metrics and the event stream: counts and ids, never note text. */
class ObservabilityTest {
    private static final String SECRET_TEXT = "Member disclosed a confidential diagnosis";

    @TempDir
    static Path dir;

    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start(dir, 4);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void health_says_live_ready_and_shows_caspio_and_the_queue() {
        JsonNode health = api.anonymous().get("/health").json();
        assertThat(health.path("status").asText()).isEqualTo("up");
        assertThat(health.path("ready").asBoolean()).isTrue();
        assertThat(health.path("checks").path("store").asText()).isEqualTo("up");
        assertThat(health.path("checks").path("caspio").asText()).isEqualTo("online");
        assertThat(health.path("checks").path("breaker").asText()).isEqualTo("closed");
        assertThat(health.path("checks").path("queue").path("pending").isInt()).isTrue();
        assertThat(api.anonymous().get("/health/live").json().path("status").asText())
                .isEqualTo("up");
    }

    @Test
    void the_history_charts_each_hours_caspio_traffic_and_lists_the_latest_member_syncs() {
        api.staff().get("/api/client-notes?clientId2=CL000002");
        api.staff().get("/api/client-notes?clientId2=CL000002");

        JsonNode history = api.staff().get("/api/sync/history?hours=3").data();

        assertThat(history.path("hours")).hasSize(3);
        JsonNode now = history.path("hours").path(2);
        assertThat(now.path("runs").asInt()).isPositive();
        assertThat(now.path("requests").asLong()).isPositive();
        assertThat(now.path("bytesIn").asLong()).isPositive();
        JsonNode latest = history.path("recent").path(0);
        assertThat(latest.path("clientId2").asText()).isEqualTo("CL000002");
        assertThat(latest.path("kind").asText()).isIn("incremental", "initial");
        assertThat(history.path("recent").findValuesAsText("kind")).contains("initial");
        assertThat(api.staff().get("/api/sync/history?hours=169").status()).isEqualTo(400);
    }

    @Test
    void the_event_stream_tells_a_page_about_syncs_and_pushes_without_note_text() throws Exception {
        try (SseReader events =
                SseReader.open(api.port(), "/api/sync/events", Map.of("Authorization", "Bearer " + api.staffKey))) {
            events.next("ready", Duration.ofSeconds(5));
            api.staff().get("/api/client-notes?clientId2=CL000001");
            SseReader.Event started = events.next("sync.started", Duration.ofSeconds(10));
            SseReader.Event finished = events.next("sync.finished", Duration.ofSeconds(10));
            JsonNode done = new ObjectMapper().readTree(finished.data());
            assertThat(done.path("clientId2").asText()).isEqualTo("CL000001");
            assertThat(done.path("counts").path("type").asText()).isEqualTo("initial");
            assertThat(started.data()).contains("CL000001");

            String noteId = api.staff()
                    .post("/api/client-notes", Map.of("clientId2", "CL000001", "comments", SECRET_TEXT))
                    .data()
                    .path("noteId")
                    .asText();
            SseReader.Event pushed = events.next("note.pushed", Duration.ofSeconds(10));
            assertThat(pushed.data()).contains(noteId).doesNotContain(SECRET_TEXT);
        }
    }

    @Test
    void a_signed_in_page_opens_the_event_stream_only_with_its_csrf_token() {
        api.service
                .users()
                .create("page.user", "Page User", io.smartsync.access.Role.STAFF, "page user password".toCharArray());
        Caller.Answer login = api.anonymous()
                .post("/api/auth/login", Map.of("userId", "page.user", "password", "page user password"));
        String cookie = login.header("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = login.data().path("csrfToken").asText();
        try (SseReader without = SseReader.open(api.port(), "/api/sync/events", Map.of("Cookie", cookie))) {
            assertThat(without.status()).isEqualTo(403);
        }
        try (SseReader with = SseReader.open(api.port(), "/api/sync/events?csrf=" + csrf, Map.of("Cookie", cookie))) {
            assertThat(with.status()).isEqualTo(200);
            with.next("ready", Duration.ofSeconds(5));
        }
    }

    @Test
    void prometheus_metrics_count_requests_caspio_calls_and_the_queue_without_ids_or_text() {
        api.staff().get("/api/client-notes?clientId2=CL000002");
        api.staff().post("/api/client-notes", Map.of("clientId2", "CL000002", "comments", SECRET_TEXT));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.staff().get("/api/sync/pending").data().isEmpty());

        Caller.Answer scrape = api.staff().get("/metrics");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type").orElseThrow()).startsWith("text/plain");
        String text = scrape.text();
        assertThat(text)
                .contains("http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/api/client-notes\"}")
                .contains("caspio_requests_total")
                .contains("caspio_bytes_received_bytes_total")
                .contains("smartsync_queue_pending")
                .contains("smartsync_queue_oldest_age_seconds")
                .contains("smartsync_sync_duration_seconds_count{outcome=\"ok\",type=\"initial\"}")
                .contains("smartsync_push_total{action=\"create\",outcome=\"ok\"}")
                .doesNotContain("CL000002")
                .doesNotContain(SECRET_TEXT);
        assertThat(api.anonymous().get("/metrics").status()).isEqualTo(401);
    }

    @Test
    void the_seeds_sync_metrics_count_members_syncs_and_caspio_calls_this_month() {
        api.staff().get("/api/client-notes?clientId2=CL000003");
        api.staff().get("/api/client-notes?clientId2=CL000003");
        api.staff().post("/api/sync/force", Map.of("clientId2", "CL000003"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.staff()
                                .get("/api/sync/metrics")
                                .data()
                                .path("caspioCallsThisMonth")
                                .asLong()
                        > 0);
        JsonNode m = api.staff().get("/api/sync/metrics").data();
        assertThat(m.path("totalMembers").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(m.path("syncedMembers").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(m.path("pendingSyncs").isInt()).isTrue();
        assertThat(m.path("failedSyncs").asInt()).isZero();
        assertThat(m.path("avgSyncTime").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(m.path("dataTransferSaved").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void a_poll_and_a_process_run_each_log_one_line_with_their_counts_and_no_note_text() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger ours = (Logger) LoggerFactory.getLogger("io.smartsync");
        logged.start();
        ours.addAppender(logged);
        ours.setLevel(Level.INFO);
        try {
            // Given a member synced here and the poll started, a note written in Caspio
            api.staff().get("/api/client-notes?clientId2=CL000004");
            api.staff().post("/api/sync/force", Map.of());
            api.emulator.insert(
                    io.smartsync.emulator.CaspioEmulator.NOTES_TABLE,
                    Map.of("Client_ID2", "CL000004", "Comments", SECRET_TEXT));

            // When the poll runs and staff ask to process the queue
            api.staff().post("/api/sync/force", Map.of());
            JsonNode processed = api.staff().post("/api/sync/process", Map.of()).data();

            // Then the poll's line counts the new note, the process line says what the answer said
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            lines(logged, "poll: ").stream().anyMatch(l -> l.startsWith("poll: ok, 1 new, 0 updated")));
            assertThat(lines(logged, "process now: "))
                    .containsExactly(
                            "process now: " + processed.path("processed").asInt() + " processed, "
                                    + processed.path("failed").asInt() + " failed");
            assertThat(lines(logged, "")).noneMatch(l -> l.contains(SECRET_TEXT));
        } finally {
            ours.setLevel(null);
            ours.detachAppender(logged);
        }
    }

    private static List<String> lines(ListAppender<ILoggingEvent> logged, String start) {
        synchronized (logged) { // doAppend holds the appender's lock
            return logged.list.stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .filter(l -> l.startsWith(start))
                    .toList();
        }
    }
}
