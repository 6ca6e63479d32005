package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The member events of {@code /api/sync/events} (issue 18), over real HTTP against the service and the
 * emulator: every change stored for a member, whichever path stored it, is an event with the note ids,
 * and no event carries a note's text.
 */
class LiveEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEMBER = "CL000002";

    @TempDir
    Path dir;

    private final String marker = "Okapi-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void every_change_of_a_members_notes_is_an_event_with_its_ids_and_never_its_text() throws Exception {
        try (ApiFixture api = ApiFixture.start(
                        dir,
                        3,
                        s -> s,
                        SyncConfig.builder()
                                .pageSize(10)
                                .autoSyncInterval(200)
                                .selectionDeadlineMs(30_000)
                                .reconcileIntervalMs(200)
                                .build());
                SseReader events = SseReader.open(
                        api.port(), "/api/sync/events", Map.of("Authorization", "Bearer " + api.staffKey))) {
            events.next("ready", Duration.ofSeconds(10));
            api.staff().get("/api/client-notes?clientId2=" + MEMBER); // the initial sync, then the poll keeps it

            String noteId = api.staff()
                    .post("/api/client-notes", Map.of("clientId2", MEMBER, "comments", marker + " written here"))
                    .data()
                    .path("noteId")
                    .asText();
            JsonNode created = change(events, c -> has(c, "created", noteId));
            assertThat(created.path("clientId2").asText()).isEqualTo(MEMBER);
            assertThat(created.path("counts").path("by").asText()).isEqualTo("Sam Staff");
            change(events, c -> has(c, "states", noteId)); // the push completed

            api.staff().put("/api/client-notes/" + noteId, Map.of("comments", marker + " edited here"));
            assertThat(change(events, c -> has(c, "updated", noteId))
                            .path("counts")
                            .path("by")
                            .asText())
                    .isEqualTo("Sam Staff");

            Map<String, Object> row = api.emulator.insert(
                    CaspioEmulator.NOTES_TABLE,
                    Map.of("Client_ID2", MEMBER, "Comments", marker + " written in Caspio", "User_ID", "rosa.diaz"));
            String fromCaspio = "caspio_" + row.get("PK_ID");
            JsonNode polled = change(events, c -> has(c, "created", fromCaspio));
            assertThat(polled.path("counts").path("by").asText()).isEqualTo("caspio");

            api.emulator.delete(CaspioEmulator.NOTES_TABLE, ((Number) row.get("PK_ID")).longValue());
            change(events, c -> has(c, "deleted", fromCaspio)); // the reconcile's key listing

            api.staff().delete("/api/client-notes/" + noteId + "?clientId2=" + MEMBER);
            change(events, c -> has(c, "deleted", noteId));

            List<String> payloads = new ArrayList<>();
            events.received().forEach(e -> payloads.add(e.data()));
            assertThat(payloads).hasSizeGreaterThanOrEqualTo(6);
            assertThat(payloads).noneMatch(p -> p.contains(marker));
        }
    }

    /** The next {@code member.changed} event that matches; none on the way may carry the marker text. */
    private JsonNode change(SseReader events, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            String data = events.next("member.changed", left).data();
            assertThat(data).doesNotContain(marker);
            JsonNode e = JSON.readTree(data);
            if (wanted.test(e)) {
                return e;
            }
        }
    }

    private static boolean has(JsonNode event, String kind, String noteId) {
        for (JsonNode id : event.path("counts").path(kind)) {
            if (id.asText().equals(noteId)) {
                return true;
            }
        }
        return false;
    }
}
