package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.access.Role;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.TableShape;
import io.smartsync.store.StoreKind;
import io.smartsync.store.TestDatabase;
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

/**
 * The original app's table: no Last_Modified, no Sync_ID, a numeric Client_ID2. New rows come through
 * the insert stamp, edits made in Caspio through the content check, creates stay exactly-once through
 * the Note_ID this service writes, and edits are checked against the row's content before writing.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class OriginalShapeTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;
    private static final String MEMBER = "100001";
    private static final String KEY = "original-shape-test-key";

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
        emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                .withPort(0)
                .withMembers(2)
                .withShape(TableShape.ORIGINAL));
        SyncConfig sync = SyncConfig.builder().retryDelayMs(5).build();
        service = ServiceRuntime.start(ServiceRuntime.Setup.of(
                db.location(),
                new CaspioConfig(emulator.baseUri(), "v2", "demo", "demo-secret", Duration.ofSeconds(5)),
                TABLE,
                sync));
        service.keys().ensure(KEY, "admin", "Admin", Role.ADMIN);
        api = new TestApi(service.port(), KEY);
    }

    @AfterEach
    void stop() {
        TestDatabase.closeAll(service, emulator, db);
    }

    private List<Map<String, Object>> rows() {
        return emulator.rows(TABLE).stream()
                .filter(r -> MEMBER.equals(String.valueOf(r.get("Client_ID2"))))
                .toList();
    }

    private JsonNode notes() {
        return api.get("/api/client-notes?clientId2=" + MEMBER)
                .body()
                .path("data")
                .path("notes");
    }

    private static JsonNode byId(JsonNode notes, String id) {
        for (JsonNode n : notes) {
            if (n.path("noteId").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no note " + id + " in " + notes);
    }

    private void drain() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            api.post("/api/sync/process", "{}");
            return api.get("/api/sync/pending").body().path("data").isEmpty();
        });
    }

    @Test
    void a_note_written_here_reaches_the_original_table_once_and_keeps_its_id() {
        assertThat(notes()).hasSize(rows().size());

        emulator.dropNextAfterCommit(1); // the first answer is lost: the retry must find the row, not add one
        String id = api.post("/api/client-notes", Map.of("clientId2", MEMBER, "comments", "Home visit scheduled"))
                .body()
                .path("data")
                .path("noteId")
                .asText();
        drain();

        assertThat(rows().stream().filter(r -> id.equals(r.get("Note_ID")))).hasSize(1);
        JsonNode after = notes();
        assertThat(after).hasSize(rows().size());
        assertThat(byId(after, id).path("syncState").asText()).isEqualTo("synced");
    }

    @Test
    void an_edit_made_in_caspio_is_found_by_the_content_check_and_a_local_edit_over_it_is_a_conflict() {
        notes();
        Map<String, Object> row = rows().getFirst();
        long pk = ((Number) row.get("PK_ID")).longValue();
        emulator.update(TABLE, pk, Map.of("Comments", "Edited in a DataPage"));

        assertThat(api.post("/api/sync/force", Map.of("clientId2", MEMBER)).status())
                .isEqualTo(200);
        assertThat(byId(notes(), "caspio_" + pk).path("comments").asText()).isEqualTo("Edited in a DataPage");

        emulator.update(TABLE, pk, Map.of("Comments", "Edited again in Caspio"));
        api.put("/api/client-notes/caspio_" + pk, Map.of("clientId2", MEMBER, "comments", "Edited in the app"));
        drain();

        JsonNode conflict = api.get("/api/sync/conflicts").body().path("data").get(0);
        assertThat(conflict.path("noteId").asText()).isEqualTo("caspio_" + pk);
        assertThat(conflict.path("server").path("comments").asText()).isEqualTo("Edited again in Caspio");
    }
}
