package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.sync.ConflictPolicy;
import io.smartsync.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edit or delete sent with the version it was based on ({@code If-Match}), as the browser's offline
 * queue sends them: when the note moved on since (an edit in Caspio, another person's edit here), the
 * conflict policy judges the write and the conflict log keeps both versions.
 */
class StaleWritesTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;
    private static final String MEMBER = "CL000002";

    @TempDir
    Path dir;

    ApiFixture fixture;
    CaspioEmulator emulator;
    TestApi api;

    private void start(ConflictPolicy policy) {
        fixture = ApiFixture.start(
                dir, 3, s -> s, SyncConfig.builder().conflictPolicy(policy).build());
        emulator = fixture.emulator;
        api = new TestApi(fixture.port(), fixture.adminKey);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private JsonNode note(String noteId) {
        for (JsonNode n : api.get("/api/client-notes?clientId2=" + MEMBER)
                .body()
                .path("data")
                .path("notes")) {
            if (n.path("noteId").asText().equals(noteId)) {
                return n;
            }
        }
        throw new AssertionError("note " + noteId + " is not among " + MEMBER + "'s notes");
    }

    private long firstPk() {
        return emulator.rows(TABLE).stream()
                .filter(r -> MEMBER.equals(r.get("Client_ID2")))
                .mapToLong(r -> ((Number) r.get("PK_ID")).longValue())
                .min()
                .orElseThrow();
    }

    private String caspioComments(long pk) {
        return emulator.rows(TABLE).stream()
                .filter(r -> ((Number) r.get("PK_ID")).longValue() == pk)
                .map(r -> (String) r.get("Comments"))
                .findFirst()
                .orElse(null);
    }

    /** The note's version as a device saw it, then the row edited in Caspio and read here again. */
    private String versionBeforeACaspioEdit(long pk) {
        String seen = note("caspio_" + pk).path("version").asText();
        emulator.update(TABLE, pk, Map.of("Comments", "Edited in Caspio while the laptop was offline"));
        assertThat(api.post("/api/sync/force", Map.of("clientId2", MEMBER)).status())
                .isEqualTo(200);
        assertThat(note("caspio_" + pk).path("version").asText()).isNotEqualTo(seen);
        return seen;
    }

    private JsonNode conflicts() {
        return api.get("/api/sync/conflicts").body().path("data");
    }

    private void awaitQueueEmpty() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/sync/pending").body().path("data").isEmpty());
    }

    @Test
    void under_server_wins_an_edit_on_an_older_version_is_refused_and_kept_in_the_conflict_log() {
        start(ConflictPolicy.SERVER_WINS);
        long pk = firstPk();
        String old = versionBeforeACaspioEdit(pk);

        TestApi.Answer answer = api.put(
                "/api/client-notes/caspio_" + pk,
                Map.of("clientId2", MEMBER, "comments", "Typed offline on the older version"),
                "\"" + old + "\"");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("code").asText()).isEqualTo("conflict");
        assertThat(answer.body().path("error").asText()).contains("server-wins").contains("newer version was kept");
        assertThat(note("caspio_" + pk).path("comments").asText())
                .isEqualTo("Edited in Caspio while the laptop was offline");
        awaitQueueEmpty();
        assertThat(caspioComments(pk)).isEqualTo("Edited in Caspio while the laptop was offline");
        JsonNode conflict = conflicts().get(0);
        assertThat(conflict.path("noteId").asText()).isEqualTo("caspio_" + pk);
        assertThat(conflict.path("outcome").asText()).isEqualTo("server");
        assertThat(conflict.toString()).contains("Typed offline on the older version");
    }

    @Test
    void an_edit_on_the_current_version_goes_through_without_a_conflict() {
        start(ConflictPolicy.SERVER_WINS);
        long pk = firstPk();
        String current = note("caspio_" + pk).path("version").asText();

        TestApi.Answer answer = api.put(
                "/api/client-notes/caspio_" + pk,
                Map.of("clientId2", MEMBER, "comments", "Typed offline on the current version"),
                "\"" + current + "\"");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("data").path("version").asText()).isNotEqualTo(current);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "Typed offline on the current version".equals(caspioComments(pk)));
        assertThat(conflicts()).isEmpty();
    }

    @Test
    void under_last_write_wins_a_late_edit_goes_through_and_the_version_it_replaced_is_logged() {
        start(ConflictPolicy.LAST_WRITE_WINS);
        long pk = firstPk();
        String seen = note("caspio_" + pk).path("version").asText();
        // Another person edits the note through the service after the device took its copy.
        assertThat(api.put(
                                "/api/client-notes/caspio_" + pk,
                                Map.of("clientId2", MEMBER, "comments", "Dana's edit at the office"))
                        .status())
                .isEqualTo(200);

        TestApi.Answer answer = api.put(
                "/api/client-notes/caspio_" + pk,
                Map.of("clientId2", MEMBER, "comments", "Typed offline at the member's home"),
                "W/\"" + seen + "\"");

        assertThat(answer.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "Typed offline at the member's home".equals(caspioComments(pk)));
        JsonNode conflict = conflicts().get(0);
        assertThat(conflict.path("outcome").asText()).isEqualTo("local");
        assertThat(conflict.path("policy").asText()).isEqualTo("last-write-wins");
        assertThat(conflict.toString()).contains("Dana's edit at the office");
    }

    @Test
    void under_manual_a_delete_on_an_older_version_waits_for_a_person_who_can_let_it_through() {
        start(ConflictPolicy.MANUAL);
        long pk = firstPk();
        String old = versionBeforeACaspioEdit(pk);

        TestApi.Answer answer =
                api.delete("/api/client-notes/caspio_" + pk + "?clientId2=" + MEMBER, "\"" + old + "\"");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("error").asText()).contains("waits in conflict");
        assertThat(note("caspio_" + pk).path("comments").asText())
                .isEqualTo("Edited in Caspio while the laptop was offline");
        JsonNode conflict = conflicts().get(0);
        assertThat(conflict.path("outcome").asText()).isEqualTo("open");

        assertThat(api.post(
                                "/api/sync/conflicts/" + conflict.path("id").asLong() + "/resolve",
                                Map.of("resolution", "local"))
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> caspioComments(pk) == null);
        assertThat(api.get("/api/client-notes?clientId2=" + MEMBER).body().findValuesAsText("noteId"))
                .doesNotContain("caspio_" + pk);
    }

    @Test
    void a_malformed_if_match_is_refused_with_what_it_must_be_and_changes_nothing() {
        start(ConflictPolicy.SERVER_WINS);
        long pk = firstPk();
        String before = note("caspio_" + pk).path("comments").asText();

        for (String bad : List.of("abc", "\"not-a-version\"", "\"0123456789abcdef\", \"fedcba9876543210\"")) {
            TestApi.Answer answer = api.put(
                    "/api/client-notes/caspio_" + pk, Map.of("clientId2", MEMBER, "comments", "Never stored"), bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.body().path("error").asText()).as(bad).contains("If-Match");
        }
        assertThat(note("caspio_" + pk).path("comments").asText()).isEqualTo(before);
        assertThat(caspioComments(pk)).isEqualTo(before);
    }
}
