package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorStats;
import io.smartsync.emulator.EmulatorWrites;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes run in parallel, up to {@code pushConcurrency} notes at once, and never two writes of one note:
 * the emulator, over real HTTP with latency so that writes overlap, records every write's span.
 */
class ParallelPushTest {
    private static final int LIMIT = 4;
    private static final int NOTES = 12;
    private static final String MEMBER = "CL000001";
    private static final Pattern PK = Pattern.compile("PK_ID\\s*=\\s*(\\d+)");

    @TempDir
    Path dir;

    @Test
    void a_backlog_is_pushed_limit_notes_at_a_time_and_each_note_s_writes_in_order() {
        SyncConfig sync = SyncConfig.builder()
                .pageSize(10)
                .pushConcurrency(LIMIT)
                .autoSyncInterval(200)
                .retryDelayMs(5)
                .overlapSeconds(1)
                .maxRetryAttempts(1)
                .build();
        try (ApiFixture api = ApiFixture.start(dir, 2, s -> s, sync)) {
            // Given notes written while Caspio is down: a backlog
            api.emulator.faults(FaultConfig.parse("error5xx=1"));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < NOTES; i++) {
                Caller.Answer created =
                        api.staff().post("/api/client-notes", Map.of("clientId2", MEMBER, "comments", "note " + i));
                assertThat(created.status()).isEqualTo(201);
                ids.add(created.data().path("noteId").asText());
            }

            // When Caspio answers again, each call slow enough that pushes overlap
            api.emulator.resetWrites();
            api.emulator.faults(FaultConfig.parse("latency=300ms"));
            awaitQueueEmpty(api);

            // Then the backlog went out LIMIT notes at a time, never more, each create once
            EmulatorWrites backlog = api.emulator.writes();
            assertThat(backlog.maxInFlight())
                    .as("most writes in flight at once")
                    .isEqualTo(LIMIT);
            assertThat(backlog.done())
                    .filteredOn(w -> w.kind() == EmulatorStats.Kind.CREATE && w.status() / 100 == 2)
                    .extracting(EmulatorWrites.Write::syncId)
                    .containsExactlyInAnyOrderElementsOf(ids);

            // When a few notes are edited (fewer than the limit: slots stay free), and every note is deleted
            // while those edits are on their way
            Map<String, String> noteByPk = new HashMap<>();
            api.emulator.rows(CaspioEmulator.NOTES_TABLE).stream()
                    .filter(r -> ids.contains(String.valueOf(r.get("Sync_ID"))))
                    .forEach(r -> noteByPk.put(String.valueOf(r.get("PK_ID")), String.valueOf(r.get("Sync_ID"))));
            List<String> edited = ids.subList(0, LIMIT / 2);
            for (String id : edited) {
                assertThat(api.staff()
                                .put("/api/client-notes/" + id, Map.of("clientId2", MEMBER, "comments", "edited"))
                                .status())
                        .isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> api.emulator.writes().inFlight() > 0);
            for (String id : ids) {
                assertThat(api.staff()
                                .delete("/api/client-notes/" + id + "?clientId2=" + MEMBER)
                                .status())
                        .isEqualTo(200);
            }
            awaitQueueEmpty(api);

            // Then no note had two writes in flight, each came in the order written, and Caspio holds none
            EmulatorWrites all = api.emulator.writes();
            assertThat(all.maxInFlight()).as("most writes in flight at once").isEqualTo(LIMIT);
            Map<String, List<EmulatorWrites.Write>> byNote = new HashMap<>();
            for (EmulatorWrites.Write w : all.done()) {
                String note = w.syncId() != null ? w.syncId() : noteByPk.get(pk(w.where()));
                byNote.computeIfAbsent(note, n -> new ArrayList<>()).add(w);
            }
            assertThat(byNote.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            for (String id : ids) {
                List<EmulatorWrites.Write> writes = byNote.get(id);
                writes.sort(Comparator.comparingLong(EmulatorWrites.Write::began));
                List<EmulatorStats.Kind> expected = edited.contains(id)
                        ? List.of(EmulatorStats.Kind.CREATE, EmulatorStats.Kind.UPDATE, EmulatorStats.Kind.DELETE)
                        : List.of(EmulatorStats.Kind.CREATE, EmulatorStats.Kind.DELETE);
                assertThat(writes)
                        .as("writes of note %s", id)
                        .extracting(EmulatorWrites.Write::kind)
                        .containsExactlyElementsOf(expected);
                for (int i = 1; i < writes.size(); i++) {
                    assertThat(writes.get(i).began())
                            .as("write %d of note %s began after write %d ended: %s", i, id, i - 1, writes)
                            .isGreaterThan(writes.get(i - 1).ended());
                }
            }
            assertThat(api.admin().get("/api/sync/conflicts").data())
                    .as("conflicts: a delete sent before its edit settled meets the edit as a conflict")
                    .isEmpty();
            assertThat(api.emulator.rows(CaspioEmulator.NOTES_TABLE))
                    .noneMatch(r -> ids.contains(String.valueOf(r.get("Sync_ID"))));
        }
    }

    private static void awaitQueueEmpty(ApiFixture api) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> api.admin().get("/api/sync/pending").data().isEmpty());
    }

    private static String pk(String where) {
        Matcher m = PK.matcher(where == null ? "" : where);
        assertThat(m.find()).as("an update or delete names its row: " + where).isTrue();
        return m.group(1);
    }
}
