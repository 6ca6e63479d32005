package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.store.StoreKind;
import io.smartsync.store.TestDatabase;
import io.smartsync.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The merge of Caspio rows and key listings into the store, end to end over HTTP. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class MergeRulesTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;

    @TempDir
    Path dir;

    @Parameter
    StoreKind kind;

    TestDatabase db;
    Demo demo;
    TestApi api;

    private void start() {
        db = TestDatabase.create(kind, dir);
        SyncConfig sync = SyncConfig.builder().overlapSeconds(5).build();
        demo = Demo.start(Demo.Options.of(dir, 6, sync).withStore(db.location()));
        api = new TestApi(demo.port(), demo.adminKey());
    }

    @AfterEach
    void stop() {
        TestDatabase.closeAll(demo, db);
    }

    private List<String> noteIds(String member) {
        return api.get("/api/client-notes?clientId2=" + member)
                .body()
                .path("data")
                .path("notes")
                .findValuesAsText("noteId");
    }

    private List<Map<String, Object>> rowsOf(String member) {
        return demo.emulator().rows(TABLE).stream()
                .filter(r -> member.equals(r.get("Client_ID2")))
                .toList();
    }

    @Test
    void the_members_newest_row_deleted_in_caspio_goes_with_a_forced_sync() {
        start();
        noteIds("CL000004");
        Map<String, Object> newest = rowsOf("CL000004").stream()
                .max(Comparator.comparingLong(r -> ((Number) r.get("PK_ID")).longValue()))
                .orElseThrow();
        String id = "caspio_" + newest.get("PK_ID");
        assertThat(noteIds("CL000004")).contains(id);

        demo.emulator().delete(TABLE, ((Number) newest.get("PK_ID")).longValue());
        assertThat(api.post("/api/sync/force", Map.of("clientId2", "CL000004")).status())
                .isEqualTo(200);

        assertThat(noteIds("CL000004")).doesNotContain(id);
    }

    @Test
    void a_note_pushed_while_its_insert_commits_late_is_not_buried_by_a_key_listing() {
        start();
        noteIds("CL000002");
        demo.emulator().faults(FaultConfig.parse("lateCommit=1,lateCommitLag=4s"));
        JsonNode created = api.post(
                        "/api/client-notes",
                        Map.of("clientId2", "CL000002", "comments", "Written during a slow commit"))
                .body()
                .path("data");
        String noteId = created.path("noteId").asText();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/sync/pending").body().path("data").isEmpty());
        demo.emulator().faults(FaultConfig.NONE);
        // A row made elsewhere after it, visible at once: Caspio's newest key for the member is above ours.
        demo.emulator().insert(TABLE, Map.of("Client_ID2", "CL000002", "Comments", "Made in a DataPage"));

        // The forced check lists the member's keys while the pushed row is still hidden from readers.
        assertThat(api.post("/api/sync/force", Map.of("clientId2", "CL000002")).status())
                .isEqualTo(200);

        assertThat(noteIds("CL000002")).contains(noteId);
        assertThat(rowsOf("CL000002")).extracting(r -> r.get("Sync_ID")).contains(noteId);
    }
}
