package io.smartsync.emulator;

import static io.smartsync.emulator.EmulatorClient.V2;
import static io.smartsync.emulator.EmulatorClient.V3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsWriteTest {

    @TempDir
    static Path dir;

    static MutableClock clock = new MutableClock(Instant.parse("2026-01-17T10:30:00.750Z"));
    static CaspioEmulator emulator;
    static EmulatorClient client;

    @BeforeAll
    static void start() {
        emulator = CaspioEmulator.start(
                EmulatorConfig.defaults(dir).withPort(0).withMembers(0).withClock(clock));
        client = new EmulatorClient(emulator).login("demo", "demo-secret");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static String note(String syncId) {
        return "{\"Note_ID\":\"n-" + UUID.randomUUID() + "\",\"Client_ID2\":\"CL000001\",\"Comments\":\"hello\""
                + (syncId == null ? "" : ",\"Sync_ID\":\"" + syncId + "\"") + "}";
    }

    static JsonNode postRow(String body) {
        var answer = client.call("POST", V2 + "/records", body, "response", "rows");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.result().get(0);
    }

    @Test
    void post_answers_201_with_an_empty_body() {
        var answer = client.call("POST", V2 + "/records", note(null));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body()).isEmpty();
        assertThat(answer.requestId()).isNotBlank();
    }

    @Test
    void post_with_response_rows_answers_the_stored_row_stamped_by_the_clock() {
        JsonNode row =
                postRow("{\"Client_ID2\":\"CL000009\",\"Follow_Up_Date\":\"2026-02-01 09:00\",\"Comments\":null}");

        assertThat(row.get("PK_ID").asLong()).isPositive();
        assertThat(row.get("Client_ID2").asText()).isEqualTo("CL000009");
        assertThat(row.get("Follow_Up_Date").asText()).isEqualTo("2026-02-01T09:00:00");
        assertThat(row.get("Comments").isNull()).isTrue();
        assertThat(row.get("Time_Stamp").asText())
                .isEqualTo(row.get("Last_Modified").asText());
        assertThat(row.get("Time_Stamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    }

    @Test
    void put_stamps_last_modified_but_keeps_time_stamp() {
        JsonNode created = postRow(note(null));
        long pk = created.get("PK_ID").asLong();
        clock.advance(Duration.ofMinutes(5));

        var answer = client.call("PUT", V3 + "/records", "{\"Comments\":\"edited\"}", "q.where", "PK_ID=" + pk);

        assertThat(answer.json().toString()).isEqualTo("{\"RecordsAffected\":1,\"Result\":[]}");
        Map<String, Object> stored = row(pk);
        assertThat(stored.get("Comments")).isEqualTo("edited");
        assertThat(stored.get("Time_Stamp")).isEqualTo(created.get("Time_Stamp").asText());
        assertThat((String) stored.get("Last_Modified"))
                .isGreaterThan(created.get("Last_Modified").asText());
    }

    @Test
    void put_with_response_rows_answers_every_changed_row() {
        String client2 = "CL-" + UUID.randomUUID();
        postRow("{\"Client_ID2\":\"" + client2 + "\"}");
        postRow("{\"Client_ID2\":\"" + client2 + "\"}");

        var answer = client.call(
                "PUT",
                V2 + "/records",
                "{\"Follow_Up_Status\":\"🔴Closed\"}",
                "q.where",
                "Client_ID2='" + client2 + "'",
                "response",
                "rows");

        assertThat(answer.json().get("RecordsAffected").asInt()).isEqualTo(2);
        assertThat(answer.result())
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.get("Follow_Up_Status").asText()).isEqualTo("🔴Closed"));
    }

    @Test
    void delete_answers_records_affected() {
        long pk = postRow(note(null)).get("PK_ID").asLong();

        var first = client.call("DELETE", V2 + "/records", null, "q.where", "PK_ID=" + pk);
        var again = client.call("DELETE", V2 + "/records", null, "q.where", "PK_ID=" + pk);

        assertThat(first.json().toString()).isEqualTo("{\"RecordsAffected\":1}");
        assertThat(again.json().get("RecordsAffected").asInt()).isZero();
        assertThat(row(pk)).isNull();
    }

    @Test
    void put_and_delete_without_where_are_400_and_change_nothing() {
        int before = emulator.rows(CaspioEmulator.NOTES_TABLE).size();

        var put = client.call("PUT", V2 + "/records", "{\"Comments\":\"all\"}", "q.where", "");
        var delete = client.call("DELETE", V2 + "/records", null);

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().get("Code").asText()).isEqualTo("IncorrectQueryParameter");
        assertThat(delete.status()).isEqualTo(400);
        assertThat(emulator.rows(CaspioEmulator.NOTES_TABLE)).hasSize(before);
    }

    @Test
    void duplicate_sync_id_is_refused_on_insert_and_update() {
        String syncId = UUID.randomUUID().toString();
        postRow(note(syncId));
        long other = postRow(note(null)).get("PK_ID").asLong();

        var insert = client.call("POST", V2 + "/records", note(syncId));
        var update =
                client.call("PUT", V2 + "/records", "{\"Sync_ID\":\"" + syncId + "\"}", "q.where", "PK_ID=" + other);

        assertThat(insert.status()).isEqualTo(400);
        assertThat(insert.json().get("Code").asText()).isEqualTo("SqlServerError");
        assertThat(insert.json().get("Message").asText()).contains("Sync_ID");
        assertThat(update.status()).isEqualTo(400);
        assertThat(row(other).get("Sync_ID")).isNull();
    }

    @Test
    void rows_without_sync_id_do_not_collide() {
        assertThat(client.call("POST", V2 + "/records", note("")).status()).isEqualTo(201);
        assertThat(client.call("POST", V2 + "/records", note("")).status()).isEqualTo(201);
        assertThat(client.call("POST", V2 + "/records", note(null)).status()).isEqualTo(201);
    }

    @Test
    void system_fields_and_unknown_fields_in_a_body_are_400() {
        for (String body : List.of(
                "{\"PK_ID\":5}",
                "{\"Last_Modified\":\"next week\"}",
                "{\"Colour\":\"red\"}",
                "{\"Comments\":\"a\",\"comments\":\"b\"}",
                "{\"Follow_Up_Date\":\"next week\"}",
                "{\"Comments\":[\"a\"]}",
                "{\"Client_ID2\":\"" + "x".repeat(256) + "\"}",
                "[{\"Comments\":\"bulk\"}]",
                "{not json",
                "")) {
            var answer = client.call("POST", V2 + "/records", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().get("Code").asText()).as(body).isEqualTo("IncorrectBodyParameter");
        }
        var put = client.call("PUT", V2 + "/records", "{}", "q.where", "PK_ID=1");
        assertThat(put.json().get("Code").asText()).isEqualTo("IncorrectBodyParameter");
    }

    @Test
    void hooks_edit_data_like_a_datapage_and_stamp_timestamps() {
        Map<String, Object> inserted = emulator.insert(CaspioEmulator.NOTES_TABLE, Map.of("Comments", "by hand"));
        long pk = (Long) inserted.get("PK_ID");
        clock.advance(Duration.ofMinutes(1));

        int updated = emulator.update(CaspioEmulator.NOTES_TABLE, pk, Map.of("Comments", "edited by hand"));
        Map<String, Object> after = row(pk);
        int deleted = emulator.delete(CaspioEmulator.NOTES_TABLE, pk);

        assertThat(inserted.get("Time_Stamp")).isNotNull().isEqualTo(inserted.get("Last_Modified"));
        assertThat(updated).isEqualTo(1);
        assertThat((String) after.get("Last_Modified")).isGreaterThan((String) inserted.get("Last_Modified"));
        assertThat(deleted).isEqualTo(1);
        assertThat(emulator.delete(CaspioEmulator.NOTES_TABLE, pk)).isZero();
        assertThatThrownBy(() -> emulator.rows("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.insert(CaspioEmulator.NOTES_TABLE, Map.of("PK_ID", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PK_ID");
    }

    @Test
    void concurrent_posts_all_succeed() {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Integer>> posts = IntStream.range(0, 24)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> client.call(
                                            "POST",
                                            V2 + "/records",
                                            note(UUID.randomUUID().toString()))
                                    .status(),
                            threads))
                    .toList();

            assertThat(posts.stream().map(CompletableFuture::join)).containsOnly(201);
        }
    }

    static Map<String, Object> row(long pk) {
        return emulator.rows(CaspioEmulator.NOTES_TABLE).stream()
                .filter(r -> r.get("PK_ID").equals(pk))
                .findFirst()
                .orElse(null);
    }
}
