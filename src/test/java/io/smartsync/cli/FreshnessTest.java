package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorStats;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.store.StoreKind;
import io.smartsync.store.TestDatabase;
import io.smartsync.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The global poll, the selection deadline, the reconcile of deletes, and draining after an outage. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class FreshnessTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;

    @TempDir
    Path dir;

    @Parameter
    StoreKind kind;

    TestDatabase db;
    Demo demo;
    TestApi api;

    private void start(SyncConfig sync) {
        db = TestDatabase.create(kind, dir);
        demo = Demo.start(Demo.Options.of(dir, 6, sync).withStore(db.location()));
        api = new TestApi(demo.port(), demo.adminKey());
    }

    @AfterEach
    void stop() {
        TestDatabase.closeAll(demo, db);
    }

    private JsonNode sync(String member) {
        return api.get("/api/client-notes?clientId2=" + member).body().path("data");
    }

    /** Waits until a selection of the member is answered from the store. */
    private void awaitCached(String member) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sync(member).path("sync").path("type").asText().equals("cached"));
    }

    /** Waits until a selection of the member is answered from the store and shows every one of the notes. */
    private void awaitCachedWith(String member, Collection<String> noteIds, Duration within) {
        await().atMost(within).until(() -> {
            JsonNode answer = sync(member);
            return answer.path("sync").path("type").asText().equals("cached")
                    && answer.path("notes").findValuesAsText("noteId").containsAll(noteIds);
        });
    }

    /** Waits until a selection of the member is answered from the store and no longer shows the note. */
    private void awaitCachedWithout(String member, String noteId, Duration within) {
        await().atMost(within).until(() -> {
            JsonNode answer = sync(member);
            return answer.path("sync").path("type").asText().equals("cached")
                    && !answer.path("notes").findValuesAsText("noteId").contains(noteId);
        });
    }

    @Test
    void a_member_the_poll_keeps_fresh_is_answered_from_the_store_and_sees_new_rows() {
        start(SyncConfig.builder().autoSyncInterval(150).build());
        assertThat(sync("CL000001").path("sync").path("type").asText()).isEqualTo("initial");
        awaitCached("CL000001");

        Map<String, Object> row = demo.emulator()
                .insert(TABLE, Map.of("Client_ID2", "CL000001", "Comments", "Left a voicemail for the member"));

        String id = "caspio_" + row.get("PK_ID");
        awaitCachedWith("CL000001", List.of(id), Duration.ofSeconds(10));
    }

    @Test
    void the_answer_after_the_one_that_showed_a_new_row_shows_it_still_as_no_longer_new() {
        // Given a member answered from the store with nothing new (an answer kept whole while it is unchanged)
        start(SyncConfig.builder().autoSyncInterval(150).build());
        sync("CL000001");
        awaitCached("CL000001");
        JsonNode before = sync("CL000001");
        assertThat(before.path("newNotes").asInt()).isZero();

        // When a row is added in Caspio, and an answer has shown it as new
        Map<String, Object> row = demo.emulator()
                .insert(TABLE, Map.of("Client_ID2", "CL000001", "Comments", "Called the member's daughter"));
        String id = "caspio_" + row.get("PK_ID");
        awaitCachedWith("CL000001", List.of(id), Duration.ofSeconds(10));

        // Then the next answer, with nothing new again, still shows it, with the counts that go with it
        JsonNode after = sync("CL000001");
        assertThat(after.path("sync").path("type").asText()).isEqualTo("cached");
        assertThat(after.path("newNotes").asInt()).isZero();
        assertThat(after.path("notes").findValuesAsText("noteId")).contains(id);
        assertThat(after.path("totalNotes").asInt())
                .isEqualTo(before.path("totalNotes").asInt() + 1);
        assertThat(after.path("notesByClient")
                        .path("CL000001")
                        .path("totalNotes")
                        .asInt())
                .isEqualTo(before.path("totalNotes").asInt() + 1);
    }

    @Test
    void a_member_stays_fresh_while_the_next_poll_is_under_way() {
        start(SyncConfig.builder().autoSyncInterval(150).build());
        sync("CL000001");
        awaitCached("CL000001");
        demo.emulator().faults(FaultConfig.parse("latency=400ms")); // each poll now lasts longer than the interval

        long readsBefore = demo.emulator().stats().requests(EmulatorStats.Kind.READ);
        List<String> types = new ArrayList<>();
        while (demo.emulator().stats().requests(EmulatorStats.Kind.READ) < readsBefore + 3) {
            types.add(sync("CL000001").path("sync").path("type").asText());
        }

        assertThat(types)
                .as("visits while three polls ran: none asks Caspio what the running poll asks")
                .isNotEmpty()
                .containsOnly("cached");
    }

    @Test
    void once_the_overlap_has_passed_a_poll_of_an_idle_table_fetches_no_rows() {
        start(SyncConfig.builder().autoSyncInterval(100).build());
        sync("CL000001");
        demo.emulator().resetStats();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> demo.emulator().stats().requests(EmulatorStats.Kind.READ) >= 2);

        demo.emulator().resetStats();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> demo.emulator().stats().requests(EmulatorStats.Kind.READ) >= 3);

        assertThat(demo.emulator().stats().rowsReturned()).isZero();
    }

    @Test
    void a_change_in_caspio_to_a_member_not_stored_here_costs_the_poll_no_full_row() {
        start(SyncConfig.builder().autoSyncInterval(1000).build());
        sync("CL000001");
        awaitCached("CL000001");
        demo.emulator().resetStats();
        String longNote = "Care plan reviewed with the member and the family; transport and pharmacy follow-up. "
                .repeat(700); // about 60 KB, near Caspio's 64,000-character TEXT field

        demo.emulator().insert(TABLE, Map.of("Client_ID2", "CL000002", "Comments", longNote));
        Map<String, Object> mine =
                demo.emulator().insert(TABLE, Map.of("Client_ID2", "CL000001", "Comments", "Pharmacy called back"));

        // The poll reaches the member's row only after the other member's, which it read first.
        String id = "caspio_" + mine.get("PK_ID");
        awaitCachedWith("CL000001", List.of(id), Duration.ofSeconds(15));
        assertThat(demo.emulator().stats().bytesOut())
                .as("bytes Caspio sent since the two changes: the other member's note never among them")
                .isLessThan(longNote.length());
        assertThat(api.get("/api/sync-status?clientId2=CL000002")
                        .body()
                        .path("data")
                        .path("initialSyncCompleted")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void many_changes_in_caspio_to_a_synced_member_all_show_up_though_their_keys_take_several_requests() {
        start(SyncConfig.builder().autoSyncInterval(150).build());
        sync("CL000001");
        awaitCached("CL000001");

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Map<String, Object> row =
                    demo.emulator().insert(TABLE, Map.of("Client_ID2", "CL000001", "Comments", "Follow-up call " + i));
            ids.add("caspio_" + row.get("PK_ID"));
            demo.emulator().insert(TABLE, Map.of("Client_ID2", "CL000003", "Comments", "Other member's call " + i));
        }

        awaitCachedWith("CL000001", ids, Duration.ofSeconds(20));
    }

    @Test
    void once_nearly_every_change_is_of_a_member_synced_here_each_poll_asks_caspio_once() {
        start(SyncConfig.builder().autoSyncInterval(100).build());
        List<String> members = demo.emulator().rows(TABLE).stream()
                .map(r -> String.valueOf(r.get("Client_ID2")))
                .distinct()
                .toList();
        members.forEach(this::sync); // every member of the table is stored here
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Object> row = demo.emulator()
                    .insert(TABLE, Map.of("Client_ID2", members.get(i % members.size()), "Comments", "Call " + i));
            ids.add("caspio_" + row.get("PK_ID"));
        }
        String last = members.get(59 % members.size());
        await().atMost(Duration.ofSeconds(15))
                .until(() -> sync(last).path("notes").findValuesAsText("noteId").contains(ids.getLast()));
        long learnt = pollTraffic()[0];
        await().atMost(Duration.ofSeconds(10)).until(() -> pollTraffic()[0] >= learnt + 2); // a poll starts after
        long[] before = pollTraffic();

        Map<String, Object> row =
                demo.emulator().insert(TABLE, Map.of("Client_ID2", members.getFirst(), "Comments", "Transport booked"));

        String id = "caspio_" + row.get("PK_ID");
        awaitCachedWith(members.getFirst(), List.of(id), Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> pollTraffic()[0] >= before[0] + 5);
        long[] after = pollTraffic();
        assertThat(after[1] - before[1])
                .as("Caspio requests of %s polls that found the change", after[0] - before[0])
                .isEqualTo(after[0] - before[0]);
    }

    /** Runs and Caspio requests of the last two hours, from the dashboard's history. */
    private long[] pollTraffic() {
        long runs = 0;
        long requests = 0;
        for (JsonNode hour :
                api.get("/api/sync/history?hours=2").body().path("data").path("hours")) {
            runs += hour.path("runs").asLong();
            requests += hour.path("requests").asLong();
        }
        return new long[] {runs, requests};
    }

    @Test
    void a_pull_past_the_deadline_answers_stale_from_the_store_and_finishes_in_the_background() {
        start(SyncConfig.builder().selectionDeadlineMs(300).build());
        sync("CL000002"); // the first sync may itself outlast the deadline; it finishes in the background
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/sync-status?clientId2=CL000002")
                        .body()
                        .path("data")
                        .path("initialSyncCompleted")
                        .asBoolean());
        demo.emulator().faults(FaultConfig.parse("latency=1500ms")); // well past the deadline, even on a busy machine
        demo.emulator().insert(TABLE, Map.of("Client_ID2", "CL000002", "Comments", "Pharmacy called back"));

        JsonNode stale = sync("CL000002");

        assertThat(stale.path("sync").path("type").asText()).isEqualTo("stale");
        assertThat(stale.path("notes").findValuesAsText("comments")).doesNotContain("Pharmacy called back");
        demo.emulator().faults(FaultConfig.NONE);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sync("CL000002")
                        .path("notes")
                        .findValuesAsText("comments")
                        .contains("Pharmacy called back"));
    }

    @Test
    void a_row_deleted_in_caspio_disappears_after_a_forced_sync() {
        start(SyncConfig.defaults());
        JsonNode first = sync("CL000003");
        Map<String, Object> row = demo.emulator().rows(TABLE).stream()
                .filter(r -> "CL000003".equals(r.get("Client_ID2")))
                .findFirst()
                .orElseThrow();
        String id = "caspio_" + row.get("PK_ID");
        assertThat(first.path("notes").findValuesAsText("noteId")).contains(id);

        demo.emulator().delete(TABLE, ((Number) row.get("PK_ID")).longValue());
        assertThat(api.post("/api/sync/force", Map.of("clientId2", "CL000003")).status())
                .isEqualTo(200);

        assertThat(sync("CL000003").path("notes").findValuesAsText("noteId")).doesNotContain(id);
    }

    @Test
    void a_row_deleted_in_caspio_disappears_within_one_check_interval_without_a_forced_sync() {
        start(SyncConfig.builder()
                .autoSyncInterval(150)
                .reconcileIntervalMs(300)
                .build());
        JsonNode first = sync("CL000005");
        Map<String, Object> row = demo.emulator().rows(TABLE).stream()
                .filter(r -> "CL000005".equals(r.get("Client_ID2")))
                .findFirst()
                .orElseThrow();
        String id = "caspio_" + row.get("PK_ID");
        assertThat(first.path("notes").findValuesAsText("noteId")).contains(id);

        demo.emulator().delete(TABLE, ((Number) row.get("PK_ID")).longValue());

        // Found by the scheduled check of the members stored here: a total per chain of members, counts by
        // member for the chain whose total fell, then this member's keys.
        awaitCachedWithout("CL000005", id, Duration.ofSeconds(10));
    }

    @Test
    void a_return_visit_to_a_member_the_poll_keeps_fresh_makes_no_caspio_call_of_its_own() {
        // Delete checks are due every 200 ms: before, each visit then started one (a COUNT request of the
        // member). The scheduled check asks a total per chain of members, bounded by the keys the poll covers.
        start(SyncConfig.builder()
                .autoSyncInterval(1000)
                .reconcileIntervalMs(200)
                .build());
        sync("CL000001");
        awaitCachedWith("CL000001", List.of(), Duration.ofSeconds(10));
        List<String> counts = new CopyOnWriteArrayList<>();
        demo.emulator().onRequest(r -> {
            if (r.contains("COUNT(")) {
                counts.add(r);
            }
        });

        AtomicInteger cached = new AtomicInteger();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            if (sync("CL000001").path("sync").path("type").asText().equals("cached")) {
                cached.incrementAndGet();
            }
            return cached.get() >= 5;
        });
        // A check a visit started would reach Caspio within milliseconds; none does for a second after them.
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> counts.stream().allMatch(r -> r.contains(") AND PK_ID<=")));
    }

    @Test
    void a_forced_check_of_the_table_pages_through_its_keys_and_finds_every_deleted_row() {
        start(SyncConfig.builder().pageSize(5).build());
        List<String> members = List.of("CL000001", "CL000002");
        members.forEach(this::sync);
        List<Long> keys = demo.emulator().rows(TABLE).stream()
                .filter(r -> members.contains(String.valueOf(r.get("Client_ID2"))))
                .map(r -> ((Number) r.get("PK_ID")).longValue())
                .sorted()
                .toList();
        List<Long> deleted = List.of(keys.getFirst(), keys.get(keys.size() / 2), keys.getLast());
        deleted.forEach(pk -> demo.emulator().delete(TABLE, pk));

        assertThat(api.post("/api/sync/force", Map.of()).status()).isEqualTo(200);

        List<String> shown = members.stream()
                .flatMap(m -> sync(m).path("notes").findValuesAsText("noteId").stream())
                .toList();
        assertThat(shown)
                .hasSize(keys.size() - deleted.size())
                .doesNotContainAnyElementsOf(
                        deleted.stream().map(pk -> "caspio_" + pk).toList());
    }

    @Test
    void a_row_deleted_in_caspio_that_no_selection_checks_is_found_by_the_scheduled_table_reconcile() {
        start(SyncConfig.builder()
                .autoSyncInterval(150)
                .reconcileIntervalMs(3_600_000)
                .tableReconcileIntervalMs(300)
                .build());
        JsonNode first = sync("CL000004");
        long pk = pkOfFirstRow("CL000004");
        assertThat(first.path("notes").findValuesAsText("noteId")).contains("caspio_" + pk);

        demo.emulator().delete(TABLE, pk);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !sync("CL000004")
                        .path("notes")
                        .findValuesAsText("noteId")
                        .contains("caspio_" + pk));
    }

    @Test
    void a_forced_check_of_the_table_lists_only_the_keys_of_the_members_stored_here_when_they_are_few() {
        start(SyncConfig.defaults());
        sync("CL000004");
        List<Map<String, Object>> table = demo.emulator().rows(TABLE);
        long memberRows = table.stream()
                .filter(r -> "CL000004".equals(r.get("Client_ID2")))
                .count();
        assertThat(memberRows * 2).isLessThan(table.size());
        long mine = pkOfFirstRow("CL000004");
        long other = pkOfFirstRow("CL000005");
        demo.emulator().delete(TABLE, mine);
        demo.emulator().delete(TABLE, other);
        demo.emulator().resetStats();

        assertThat(api.post("/api/sync/force", Map.of()).status()).isEqualTo(200);

        assertThat(sync("CL000004").path("notes").findValuesAsText("noteId")).doesNotContain("caspio_" + mine);
        assertThat(demo.emulator().stats().rowsReturned())
                .as("rows Caspio answered for the check: the member's keys, not the table's %s", table.size())
                .isLessThanOrEqualTo(memberRows + 2);
    }

    @Test
    void a_forced_check_of_the_table_with_every_member_stored_lists_every_key_and_finds_every_deleted_row() {
        start(SyncConfig.builder().pageSize(7).build());
        List<String> members = demo.emulator().rows(TABLE).stream()
                .map(r -> String.valueOf(r.get("Client_ID2")))
                .distinct()
                .toList();
        members.forEach(this::sync);
        List<Long> deleted = members.stream().map(this::pkOfFirstRow).toList();
        deleted.forEach(pk -> demo.emulator().delete(TABLE, pk));

        assertThat(api.post("/api/sync/force", Map.of()).status()).isEqualTo(200);

        List<String> shown = members.stream()
                .flatMap(m -> sync(m).path("notes").findValuesAsText("noteId").stream())
                .toList();
        assertThat(shown)
                .hasSize(demo.emulator().rows(TABLE).size())
                .doesNotContainAnyElementsOf(
                        deleted.stream().map(pk -> "caspio_" + pk).toList());
    }

    private long pkOfFirstRow(String member) {
        return demo.emulator().rows(TABLE).stream()
                .filter(r -> member.equals(r.get("Client_ID2")))
                .map(r -> ((Number) r.get("PK_ID")).longValue())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void every_note_queued_during_an_outage_drains_once_caspio_answers_not_when_its_claim_runs_out() {
        start(SyncConfig.builder()
                .retryDelayMs(5)
                .maxRetryAttempts(1)
                .autoSyncInterval(200)
                .build());
        sync("CL000005");
        demo.emulator().faults(FaultConfig.parse("error5xx=1.0"));
        for (String text : List.of("Voicemail left", "Transport booked", "Pharmacy called back")) {
            assertThat(api.post("/api/client-notes", Map.of("clientId2", "CL000005", "comments", text))
                            .status())
                    .isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/sync/pending").body().path("data").findValues("syncAttempts").stream()
                        .allMatch(n -> n.asInt() >= 1));

        demo.emulator().faults(FaultConfig.NONE);

        // Well inside the two-minute push lease: entries claimed with a failed one are not held by it.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/sync/pending").body().path("data").isEmpty());
        assertThat(demo.emulator().rows(TABLE).stream()
                        .filter(r -> "CL000005".equals(r.get("Client_ID2")) && r.get("Sync_ID") != null))
                .hasSize(3);
    }

    @Test
    void notes_written_while_caspio_fails_stay_queued_and_drain_by_themselves_when_it_answers() {
        start(SyncConfig.builder()
                .retryDelayMs(5)
                .maxRetryAttempts(1)
                .autoSyncInterval(200)
                .build());
        sync("CL000004");
        demo.emulator().faults(FaultConfig.parse("error5xx=1.0"));

        TestApi.Answer created = api.post(
                "/api/client-notes", Map.of("clientId2", "CL000004", "comments", "Transport booked for Monday"));

        assertThat(created.status()).isEqualTo(201);
        String noteId = created.body().path("data").path("noteId").asText();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/sync/pending")
                                .body()
                                .path("data")
                                .path(0)
                                .path("syncAttempts")
                                .asInt()
                        >= 1);
        assertThat(api.get("/api/sync/failed").body().path("data").isEmpty()).isTrue();

        demo.emulator().faults(FaultConfig.NONE);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/sync/pending").body().path("data").isEmpty());
        assertThat(demo.emulator().rows(TABLE).stream().filter(r -> noteId.equals(r.get("Sync_ID"))))
                .hasSize(1);
    }
}
