package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.access.Role;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.http.ApiSettings;
import io.smartsync.store.StoreKind;
import io.smartsync.store.TestDatabase;
import io.smartsync.sync.ConflictPolicy;
import io.smartsync.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Caspio's outgoing webhooks as a fast path, and a conflict left to a person under the manual policy. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class WebhookAndManualConflictTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;
    private static final String KEY = "webhook-test-admin-key";
    private static final String SECRET = "webhook-secret-for-tests";

    @TempDir
    Path dir;

    @Parameter
    StoreKind kind;

    TestDatabase db;
    CaspioEmulator emulator;
    ServiceRuntime service;
    TestApi api;

    @BeforeEach
    void start() {
        db = TestDatabase.create(kind, dir);
        emulator = CaspioEmulator.start(
                EmulatorConfig.defaults(dir.resolve("emulator")).withPort(0).withMembers(3));
        SyncConfig sync =
                SyncConfig.builder().conflictPolicy(ConflictPolicy.MANUAL).build();
        service = ServiceRuntime.start(ServiceRuntime.Setup.of(
                        db.location(),
                        new CaspioConfig(emulator.baseUri(), "v2", "demo", "demo-secret", Duration.ofSeconds(5)),
                        TABLE,
                        sync)
                .withApi(ApiSettings.defaults("127.0.0.1", 0).withWebhookSecret(SECRET)));
        service.keys().ensure(KEY, "admin", "Admin", Role.ADMIN);
        api = new TestApi(service.port(), KEY);
    }

    @AfterEach
    void stop() {
        TestDatabase.closeAll(service, emulator, db);
    }

    private Map<String, Object> firstRow(String member) {
        return emulator.rows(TABLE).stream()
                .filter(r -> member.equals(r.get("Client_ID2")))
                .findFirst()
                .orElseThrow();
    }

    private JsonNode notes(String member) {
        return api.get("/api/client-notes?clientId2=" + member)
                .body()
                .path("data")
                .path("notes");
    }

    @Test
    void webhook_events_apply_changes_and_deletes_and_a_wrong_secret_is_refused() {
        notes("CL000001");
        Map<String, Object> row = firstRow("CL000001");
        long pk = ((Number) row.get("PK_ID")).longValue();
        emulator.update(TABLE, pk, Map.of("Comments", "Updated in Caspio, announced by webhook"));
        Map<String, Object> updated = emulator.rows(TABLE).stream()
                .filter(r -> ((Number) r.get("PK_ID")).longValue() == pk)
                .findFirst()
                .orElseThrow();

        TestApi noKey = api.withKey(null);
        assertThat(noKey.post("/webhooks/caspio", event("wrong-secret", "table.recordUpdate", updated))
                        .status())
                .isEqualTo(401);
        assertThat(noKey.post("/webhooks/caspio", event(SECRET, "table.recordUpdate", updated))
                        .status())
                .isEqualTo(200);
        assertThat(notes("CL000001").findValuesAsText("comments")).contains("Updated in Caspio, announced by webhook");

        emulator.delete(TABLE, pk);
        noKey.post("/webhooks/caspio", event(SECRET, "table.recordDelete", Map.of("PK_ID", pk)));
        assertThat(notes("CL000001").findValuesAsText("noteId")).doesNotContain("caspio_" + pk);
    }

    @Test
    void a_webhook_is_only_a_hint_its_rows_fields_are_never_stored() {
        notes("CL000001");
        Map<String, Object> row = firstRow("CL000001");
        long pk = ((Number) row.get("PK_ID")).longValue();
        TestApi noKey = api.withKey(null);
        Map<String, Object> forged = new java.util.HashMap<>(row);
        forged.put("Comments", "Text that Caspio never held");

        assertThat(noKey.post("/webhooks/caspio", event(SECRET, "table.recordUpdate", forged))
                        .status())
                .isEqualTo(200);
        assertThat(noKey.post(
                                "/webhooks/caspio",
                                event(
                                        SECRET,
                                        "table.recordInsert",
                                        Map.of(
                                                "PK_ID",
                                                987_654,
                                                "Client_ID2",
                                                "CL000001",
                                                "Comments",
                                                "An insert from nowhere")))
                        .status())
                .isEqualTo(200);
        // A delete hint for a row Caspio still holds.
        noKey.post("/webhooks/caspio", event(SECRET, "table.recordDelete", Map.of("PK_ID", pk)));

        JsonNode shown = notes("CL000001");
        assertThat(shown.findValuesAsText("comments"))
                .doesNotContain("Text that Caspio never held", "An insert from nowhere")
                .contains(String.valueOf(row.get("Comments")));
        assertThat(shown.findValuesAsText("noteId")).contains("caspio_" + pk).doesNotContain("caspio_987654");
    }

    private static Map<String, Object> event(String secret, String type, Map<String, Object> row) {
        return Map.of(
                "eventId",
                "e1",
                "messageId",
                java.util.UUID.randomUUID().toString(),
                "webhookId",
                "w1",
                "accountId",
                "a1",
                "secret",
                secret,
                "eventDate",
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                        .withNano(0)
                        .toString(),
                "eventType",
                type,
                "objectName",
                TABLE,
                "data",
                List.of(row));
    }

    @Test
    void under_the_manual_policy_a_conflict_waits_for_an_admin_who_settles_it() {
        notes("CL000002");
        long pk = ((Number) firstRow("CL000002").get("PK_ID")).longValue();
        emulator.update(TABLE, pk, Map.of("Comments", "Caspio's version"));
        api.put("/api/client-notes/caspio_" + pk, Map.of("clientId2", "CL000002", "comments", "The app's version"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !api.get("/api/sync/failed").body().path("data").isEmpty());
        JsonNode conflict = api.get("/api/sync/conflicts").body().path("data").get(0);
        assertThat(conflict.path("outcome").asText()).isEqualTo("open");
        assertThat(emulator.rows(TABLE).stream().filter(r -> "Caspio's version".equals(r.get("Comments"))))
                .hasSize(1);

        TestApi.Answer settled = api.post(
                "/api/sync/conflicts/" + conflict.path("id").asLong() + "/resolve", Map.of("resolution", "local"));

        assertThat(settled.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        emulator.rows(TABLE).stream().anyMatch(r -> "The app's version".equals(r.get("Comments"))));
        assertThat(api.get("/api/sync/conflicts")
                        .body()
                        .path("data")
                        .get(0)
                        .path("outcome")
                        .asText())
                .isEqualTo("local");
    }

    @Test
    void settling_a_conflict_for_caspio_keeps_caspio_s_version_of_now_not_the_one_the_conflict_saw() {
        notes("CL000003");
        long pk = ((Number) firstRow("CL000003").get("PK_ID")).longValue();
        emulator.update(TABLE, pk, Map.of("Comments", "Caspio's first version"));
        api.put("/api/client-notes/caspio_" + pk, Map.of("clientId2", "CL000003", "comments", "The app's version"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !api.get("/api/sync/failed").body().path("data").isEmpty());
        long conflict = api.get("/api/sync/conflicts")
                .body()
                .path("data")
                .get(0)
                .path("id")
                .asLong();

        // While the conflict waits, the row moves on in Caspio and the table's poll passes it by
        emulator.update(TABLE, pk, Map.of("Comments", "Caspio's second version"));
        assertThat(api.post("/api/sync/force", Map.of()).status()).isEqualTo(200);

        assertThat(api.post("/api/sync/conflicts/" + conflict + "/resolve", Map.of("resolution", "server"))
                        .status())
                .isEqualTo(200);
        // (no poll after this: one within the overlap window would read the row again and hide a stale copy)
        assertThat(notes("CL000003").findValuesAsText("comments"))
                .contains("Caspio's second version")
                .doesNotContain("Caspio's first version", "The app's version");
    }
}
