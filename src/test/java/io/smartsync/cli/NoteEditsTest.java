package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.store.StoreKind;
import io.smartsync.store.TestDatabase;
import io.smartsync.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Edits and deletes through the API reach Caspio; a concurrent edit in Caspio is a logged conflict. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class NoteEditsTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;

    @TempDir
    static Path dir;

    @Parameter
    StoreKind kind;

    static TestDatabase db;
    static Demo demo;
    static TestApi api;

    @BeforeParameterizedClassInvocation
    static void start(StoreKind kind) {
        db = TestDatabase.create(kind, dir);
        demo = Demo.start(Demo.Options.of(dir.resolve(kind.name()), 12, SyncConfig.defaults())
                .withStore(db.location()));
        api = new TestApi(demo.port(), demo.adminKey());
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        TestDatabase.closeAll(demo, db);
        demo = null;
        db = null;
    }

    private static Map<String, Object> seededRow(String member) {
        return demo.emulator().rows(TABLE).stream()
                .filter(r -> member.equals(r.get("Client_ID2")))
                .findFirst()
                .orElseThrow();
    }

    private static Optional<Map<String, Object>> row(long pk) {
        return demo.emulator().rows(TABLE).stream()
                .filter(r -> ((Number) r.get("PK_ID")).longValue() == pk)
                .findFirst();
    }

    private static void awaitQueueEmpty() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/sync/pending").body().path("data").isEmpty());
    }

    @Test
    void an_edit_made_here_reaches_caspio() {
        Map<String, Object> seeded = seededRow("CL000002");
        long pk = ((Number) seeded.get("PK_ID")).longValue();
        api.get("/api/client-notes?clientId2=CL000002");

        TestApi.Answer edited = api.put(
                "/api/client-notes/caspio_" + pk,
                Map.of(
                        "clientId2",
                        "CL000002",
                        "comments",
                        "Follow-up moved to Friday",
                        "followUpStatus",
                        "🟡 Priority"));

        assertThat(edited.status()).isEqualTo(200);
        awaitQueueEmpty();
        assertThat(row(pk).orElseThrow())
                .containsEntry("Comments", "Follow-up moved to Friday")
                .containsEntry("Follow_Up_Status", "🟡 Priority");
    }

    @Test
    void a_delete_made_here_removes_the_row_in_caspio_and_the_note_from_answers() {
        Map<String, Object> seeded = seededRow("CL000003");
        long pk = ((Number) seeded.get("PK_ID")).longValue();
        api.get("/api/client-notes?clientId2=CL000003");

        TestApi.Answer deleted = api.delete("/api/client-notes/caspio_" + pk + "?clientId2=CL000003");

        assertThat(deleted.status()).isEqualTo(200);
        awaitQueueEmpty();
        assertThat(row(pk)).isEmpty();
        JsonNode notes = api.get("/api/client-notes?clientId2=CL000003")
                .body()
                .path("data")
                .path("notes");
        assertThat(notes.findValuesAsText("noteId")).doesNotContain("caspio_" + pk);
        assertThat(api.delete("/api/client-notes/caspio_" + pk + "?clientId2=CL000003")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void an_edit_that_meets_a_newer_edit_in_caspio_is_a_logged_conflict_won_by_the_later_write() {
        Map<String, Object> seeded = seededRow("CL000004");
        long pk = ((Number) seeded.get("PK_ID")).longValue();
        api.get("/api/client-notes?clientId2=CL000004");
        demo.emulator().update(TABLE, pk, Map.of("Comments", "Edited in a Caspio DataPage"));

        api.put("/api/client-notes/caspio_" + pk, Map.of("clientId2", "CL000004", "comments", "Edited in the app"));

        awaitQueueEmpty();
        assertThat(row(pk).orElseThrow()).containsEntry("Comments", "Edited in the app");
        JsonNode conflict = api.get("/api/sync/conflicts").body().path("data").get(0);
        assertThat(conflict.path("noteId").asText()).isEqualTo("caspio_" + pk);
        assertThat(conflict.path("policy").asText()).isEqualTo("last-write-wins");
        assertThat(conflict.path("outcome").asText()).isEqualTo("local");
        assertThat(conflict.path("server").path("comments").asText()).isEqualTo("Edited in a Caspio DataPage");
        assertThat(conflict.path("local").path("comments").asText()).isEqualTo("Edited in the app");
    }

    @Test
    void editing_a_note_the_member_does_not_have_is_404() {
        TestApi.Answer answer =
                api.put("/api/client-notes/no-such-note", Map.of("clientId2", "CL000001", "comments", "x"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("code").asText()).isEqualTo("not_found");
    }
}
