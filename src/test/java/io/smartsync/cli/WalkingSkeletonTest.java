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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo wiring end to end: the service over real HTTP against the emulator over real HTTP. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class WalkingSkeletonTest {
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
        // Pages of 5 rows, so an initial sync of one member walks many pages.
        SyncConfig sync = SyncConfig.builder().pageSize(5).build();
        db = TestDatabase.create(kind, dir);
        demo = Demo.start(Demo.Options.of(dir.resolve(kind.name()), 30, sync).withStore(db.location()));
        api = new TestApi(demo.port(), demo.adminKey());
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        TestDatabase.closeAll(demo, db);
        demo = null;
        db = null;
    }

    @Test
    void selecting_a_member_syncs_initially_then_incrementally_and_picks_up_a_note_made_in_caspio() {
        String member = memberWithAtLeast(12);

        JsonNode first = api.get("/api/client-notes?clientId2=" + member).body();
        assertThat(first.path("success").asBoolean()).isTrue();
        JsonNode sync = first.path("data").path("sync");
        assertThat(sync.path("type").asText()).isEqualTo("initial");
        assertThat(noteIds(first)).isEqualTo(emulatorNoteIds(member));
        assertThat(sync.path("message").asText())
                .isEqualTo("Initial sync completed - " + emulatorNoteIds(member).size() + " notes loaded");

        JsonNode second = api.get("/api/client-notes?clientId2=" + member).body();
        assertThat(second.path("data").path("sync").path("type").asText()).isEqualTo("incremental");
        assertThat(second.path("data").path("sync").path("newNotes").asInt()).isZero();
        assertThat(noteIds(second)).isEqualTo(emulatorNoteIds(member));

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Client_ID2", member);
        fields.put("Comments", "Member called back about the housing referral");
        fields.put("User_ID", "staff-7");
        Map<String, Object> row = demo.emulator().insert(TABLE, fields);

        JsonNode third = api.get("/api/client-notes?clientId2=" + member).body();
        assertThat(third.path("data").path("sync").path("type").asText()).isEqualTo("incremental");
        assertThat(third.path("data").path("sync").path("newNotes").asInt()).isEqualTo(1);
        assertThat(third.path("data").path("sync").path("message").asText())
                .startsWith("Found 1 new note and 0 updated notes since ");
        String newId = "caspio_" + row.get("PK_ID");
        assertThat(noteIds(third)).contains(newId).isEqualTo(emulatorNoteIds(member));
        assertThat(noteById(third, newId).path("isNew").asBoolean()).isTrue();
    }

    @Test
    void a_member_without_notes_completes_its_initial_sync_empty() {
        String member = "CL999999";
        JsonNode answer = api.get("/api/client-notes?clientId2=" + member).body();
        assertThat(answer.path("data").path("sync").path("type").asText()).isEqualTo("initial");
        assertThat(answer.path("data").path("totalNotes").asInt()).isZero();
        JsonNode status = api.get("/api/sync-status?clientId2=" + member).body().path("data");
        assertThat(status.path("initialSyncCompleted").asBoolean()).isTrue();
        assertThat(status.path("lastSyncTimestamp").isTextual()).isTrue();
    }

    @Test
    void a_posted_note_reaches_caspio_exactly_once() {
        String member = memberWithAtLeast(1);
        api.get("/api/client-notes?clientId2=" + member);

        TestApi.Answer created = api.post(
                "/api/client-notes",
                Map.of(
                        "clientId2",
                        member,
                        "comments",
                        "Medication list reconciled with pharmacy",
                        "followUpStatus",
                        "🟢Open"));
        assertThat(created.status()).isEqualTo(201);
        String noteId = created.body().path("data").path("noteId").asText();
        assertThat(created.body().path("data").path("userId").asText()).isEqualTo("admin");

        TestApi.Answer processed = api.post("/api/sync/process", "{}");
        assertThat(processed.status()).isEqualTo(200);
        assertThat(processed.body().path("data").has("processed")).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/sync/pending").body().path("data").isEmpty());

        List<Map<String, Object>> inCaspio = demo.emulator().rows(TABLE).stream()
                .filter(r -> noteId.equals(r.get("Sync_ID")))
                .toList();
        assertThat(inCaspio).hasSize(1);
        assertThat(inCaspio.getFirst().get("Comments")).isEqualTo("Medication list reconciled with pharmacy");
        assertThat(inCaspio.getFirst().get("User_ID")).isEqualTo("admin");

        JsonNode after = api.get("/api/client-notes?clientId2=" + member).body();
        assertThat(noteIds(after).stream().filter(noteId::equals)).hasSize(1);
        assertThat(noteById(after, noteId).path("syncState").asText()).isEqualTo("synced");
        assertThat(noteIds(after)).isEqualTo(emulatorNoteIds(member));
    }

    @Test
    void calls_without_a_valid_api_key_get_401() {
        TestApi.Answer none = api.withKey(null).get("/api/client-notes?clientId2=CL000001");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().path("success").asBoolean()).isFalse();
        assertThat(none.body().path("error").asText()).contains("API key");

        TestApi.Answer wrong = api.withKey("ssk_not-a-real-key-at-all").get("/api/sync/pending");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().path("code").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void a_missing_or_malformed_client_id_gets_400_saying_what_is_wrong() {
        TestApi.Answer missing = api.get("/api/client-notes");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("error").asText()).contains("clientId2 is required");

        TestApi.Answer hostile = api.get("/api/client-notes?clientId2=CL1%27%20OR%201%3D1");
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.body().path("success").asBoolean()).isFalse();
        assertThat(hostile.body().path("error").asText()).contains("clientId2 must be");

        TestApi.Answer badBody =
                api.post("/api/client-notes", Map.of("clientId2", "CL000001", "comments", "x", "colour", "red"));
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(badBody.body().path("error").asText()).contains("unknown field 'colour'");
    }

    @Test
    void health_answers_without_a_key() {
        TestApi.Answer health = api.withKey(null).get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("up");
    }

    private static String memberWithAtLeast(int notes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map<String, Object> r : demo.emulator().rows(TABLE)) {
            counts.merge(String.valueOf(r.get("Client_ID2")), 1, Integer::sum);
        }
        List<String> candidates = new ArrayList<>();
        counts.forEach((m, n) -> {
            if (n >= notes) {
                candidates.add(m);
            }
        });
        // Each test takes its own member, so the order tests run in does not matter.
        synchronized (USED) {
            String pick = candidates.stream()
                    .filter(m -> !USED.contains(m))
                    .findFirst()
                    .orElseThrow();
            USED.add(pick);
            return pick;
        }
    }

    private static final Set<String> USED = new TreeSet<>();

    private static Set<String> emulatorNoteIds(String member) {
        Set<String> ids = new TreeSet<>();
        for (Map<String, Object> r : demo.emulator().rows(TABLE)) {
            if (member.equals(r.get("Client_ID2"))) {
                Object syncId = r.get("Sync_ID");
                ids.add(syncId == null || syncId.toString().isEmpty() ? "caspio_" + r.get("PK_ID") : syncId.toString());
            }
        }
        return ids;
    }

    private static Set<String> noteIds(JsonNode answer) {
        Set<String> ids = new TreeSet<>();
        answer.path("data").path("notes").forEach(n -> ids.add(n.path("noteId").asText()));
        return ids;
    }

    private static JsonNode noteById(JsonNode answer, String noteId) {
        for (JsonNode n : answer.path("data").path("notes")) {
            if (Objects.equals(n.path("noteId").asText(), noteId)) {
                return n;
            }
        }
        throw new AssertionError("note " + noteId + " is not in the answer");
    }
}
