package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.emulator.CaspioEmulator;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the original app's client (member-notes-sync.ts) against this service: the initial fetch with
 * includeAll, checkForNewNotes with since, then create, update and delete by noteId; and reads only the
 * JSON fields that app reads (success, data.notes[].noteId, timeStamp, lastModified, comments).
 */
class AppFlowTest {
    private static final String MEMBER = "CL000002";

    @TempDir
    static Path dir;

    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start(dir, 3);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** What the app's client keeps per note. */
    record AppNote(String noteId, Instant timeStamp, Instant lastModified, String comments) {}

    /** The app's own parsing: it trusts these fields and compares the times with new Date(). */
    private static List<AppNote> notes(JsonNode answer) {
        assertThat(answer.path("success").asBoolean()).isTrue();
        List<AppNote> out = new ArrayList<>();
        for (JsonNode n : answer.path("data").path("notes")) {
            assertThat(n.path("noteId").isTextual()).isTrue();
            assertThat(n.path("comments").isTextual()).isTrue();
            out.add(new AppNote(
                    n.path("noteId").asText(),
                    instant(n.path("timeStamp")),
                    instant(n.path("lastModified")),
                    n.path("comments").asText()));
        }
        return out;
    }

    /** `new Date(text)` in the app: an ISO 8601 instant with an offset; null or absent is falsy there. */
    private static Instant instant(JsonNode text) {
        return text.isNull() || text.isMissingNode()
                ? null
                : OffsetDateTime.parse(text.asText()).toInstant();
    }

    private static List<String> ids(List<AppNote> notes) {
        return notes.stream().map(AppNote::noteId).toList();
    }

    /** checkForNewNotes: the app counts as new the notes whose timeStamp is after its last sync. */
    private static long newSince(List<AppNote> notes, Instant lastSync) {
        return notes.stream()
                .filter(n -> n.timeStamp() != null && n.timeStamp().isAfter(lastSync))
                .count();
    }

    @Test
    void the_original_apps_client_flow_works_unchanged() {
        Caller app = api.staff();
        List<String> inCaspio = api.emulator.rows(CaspioEmulator.NOTES_TABLE).stream()
                .filter(r -> MEMBER.equals(r.get("Client_ID2")))
                .map(r -> "caspio_" + r.get("PK_ID"))
                .toList();

        // performInitialSync: every note of the member.
        List<AppNote> initial = notes(app.get("/api/client-notes?clientId2=" + MEMBER + "&includeAll=true")
                .json());
        assertThat(ids(initial)).containsExactlyInAnyOrderElementsOf(inCaspio);
        assertThat(initial).allSatisfy(n -> assertThat(n.timeStamp()).isNotNull());
        Instant lastSync = Instant.now();

        // checkForNewNotes with nothing new: an empty answer, nothing counted.
        List<AppNote> none = notes(app.get("/api/client-notes?clientId2=" + MEMBER + "&since=" + lastSync)
                .json());
        assertThat(newSince(none, lastSync)).isZero();

        // Another member of staff writes in Caspio; the app's next check finds exactly that note.
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Client_ID2", MEMBER);
        fields.put("Comments", "Member called about the food bank referral");
        fields.put("User_ID", "staff-9");
        Map<String, Object> row = api.emulator.insert(CaspioEmulator.NOTES_TABLE, fields);
        List<AppNote> fresh = notes(app.get("/api/client-notes?clientId2=" + MEMBER + "&since=" + lastSync)
                .json());
        assertThat(ids(fresh)).containsExactly("caspio_" + row.get("PK_ID"));
        assertThat(fresh.getFirst().comments()).isEqualTo("Member called about the food bank referral");
        lastSync = Instant.now();

        // The app creates a note; it is in the next fetch and counted new since the last sync.
        Caller.Answer created = app.post(
                "/api/client-notes",
                Map.of(
                        "clientId2",
                        MEMBER,
                        "comments",
                        "Scheduled a follow-up call",
                        "userId",
                        "app-user-1",
                        "followUpAssignment",
                        "staff-123"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("success").asBoolean()).isTrue();
        String noteId = created.data().path("noteId").asText();
        List<AppNote> afterCreate =
                notes(app.get("/api/client-notes?clientId2=" + MEMBER + "&since=" + lastSync.minusSeconds(1))
                        .json());
        assertThat(ids(afterCreate)).contains(noteId);
        assertThat(newSince(afterCreate, lastSync.minusSeconds(1))).isGreaterThanOrEqualTo(1);

        // Update by noteId: the text changes, the id stays.
        Caller.Answer updated = app.put(
                "/api/client-notes/" + noteId,
                Map.of("clientId2", MEMBER, "comments", "Scheduled a follow-up call for Friday"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.data().path("noteId").asText()).isEqualTo(noteId);
        AppNote edited = notes(app.get("/api/client-notes?clientId2=" + MEMBER + "&includeAll=true")
                        .json())
                .stream()
                .filter(n -> n.noteId().equals(noteId))
                .findFirst()
                .orElseThrow();
        assertThat(edited.comments()).isEqualTo("Scheduled a follow-up call for Friday");

        // Delete by noteId: gone from the full fetch, and a second delete is a 404 the app can show.
        Caller.Answer deleted = app.delete("/api/client-notes/" + noteId + "?clientId2=" + MEMBER);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("success").asBoolean()).isTrue();
        assertThat(ids(notes(app.get("/api/client-notes?clientId2=" + MEMBER + "&includeAll=true")
                        .json())))
                .doesNotContain(noteId)
                .contains("caspio_" + row.get("PK_ID"));
        Caller.Answer again = app.delete("/api/client-notes/" + noteId + "?clientId2=" + MEMBER);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().path("success").asBoolean()).isFalse();
        assertThat(again.json().path("error").isTextual()).isTrue();
    }

    @Test
    void include_all_returns_every_note_whatever_since_says_and_is_not_a_resync() {
        Caller app = api.staff();
        int all = app.get("/api/client-notes?clientId2=CL000003&includeAll=true")
                .data()
                .path("totalNotes")
                .asInt();
        JsonNode both = app.get("/api/client-notes?clientId2=CL000003&includeAll=true&since=" + Instant.now())
                .data();
        assertThat(both.path("totalNotes").asInt()).isEqualTo(all);
        assertThat(both.path("sync").path("type").asText()).isNotEqualTo("initial");
        assertThat(app.get("/api/client-notes?clientId2=CL000003&since=" + Instant.now())
                        .data()
                        .path("totalNotes")
                        .asInt())
                .isZero();
    }
}
