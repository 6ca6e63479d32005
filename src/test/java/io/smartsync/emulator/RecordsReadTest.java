package io.smartsync.emulator;

import static io.smartsync.emulator.EmulatorClient.V2;
import static io.smartsync.emulator.EmulatorClient.V3;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsReadTest {

    @TempDir
    static Path dir;

    static CaspioEmulator emulator;
    static EmulatorClient client;
    static List<Map<String, Object>> all;

    @BeforeAll
    static void start() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-17T10:00:00Z"), ZoneOffset.UTC);
        emulator = CaspioEmulator.start(
                EmulatorConfig.defaults(dir).withPort(0).withMembers(60).withClock(clock));
        client = new EmulatorClient(emulator).login("demo", "demo-secret");
        all = emulator.rows(CaspioEmulator.NOTES_TABLE);
        assertThat(all).as("fixture needs more than 1000 rows").hasSizeGreaterThan(1000);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static List<Long> pkIds(EmulatorClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.result().stream().map(r -> r.get("PK_ID").asLong()).toList();
    }

    static List<Long> pkIds(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (Long) r.get("PK_ID")).toList();
    }

    @Test
    void get_without_parameters_answers_first_hundred_rows_in_pk_order() {
        assertThat(pkIds(client.get(V2 + "/records"))).isEqualTo(pkIds(all.subList(0, 100)));
    }

    @Test
    void rows_come_back_with_rest_types_and_offset_free_timestamps() {
        JsonNode row = client.get(V2 + "/records", "q.limit", "1").result().get(0);

        assertThat(row.get("PK_ID").isNumber()).isTrue();
        assertThat(row.get("Time_Stamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        assertThat(row.get("Sync_ID").isNull()).isTrue();
        assertThat(row.fieldNames()).toIterable().hasSize(14);
    }

    @Test
    void limit_above_one_thousand_is_lowered_to_one_thousand() {
        assertThat(client.get(V2 + "/records", "q.limit", "5000").result()).hasSize(1000);
        assertThat(client.get(V2 + "/records", "q.pageSize", "2000").result()).hasSize(1000);
    }

    @Test
    void page_parameters_override_limit_and_walk_the_table() {
        var page3 = client.get(V2 + "/records", "q.pageSize", "10", "q.pageNumber", "3", "q.limit", "2");
        var defaultSize = client.get(V2 + "/records", "q.pageNumber", "2");

        assertThat(pkIds(page3)).isEqualTo(pkIds(all.subList(20, 30)));
        assertThat(pkIds(defaultSize)).isEqualTo(pkIds(all.subList(25, 50)));
    }

    @Test
    void paging_parameters_out_of_range_are_400() {
        assertThat(client.get(V2 + "/records", "q.pageSize", "4").status()).isEqualTo(400);
        assertThat(client.get(V2 + "/records", "q.pageNumber", "0").status()).isEqualTo(400);
        assertThat(client.get(V2 + "/records", "q.limit", "ten")
                        .json()
                        .get("Code")
                        .asText())
                .isEqualTo("IncorrectQueryParameter");
    }

    @Test
    void empty_parameters_count_as_absent() {
        var answer = client.get(
                V2 + "/records", "q.where", "", "q.orderBy", "", "q.groupBy", "", "q.select", "", "response", "");

        assertThat(pkIds(answer)).isEqualTo(pkIds(all.subList(0, 100)));
    }

    @Test
    void order_by_last_modified_then_pk_sorts_like_the_cursor_needs() {
        var answer = client.get(V2 + "/records", "q.orderBy", "Last_Modified ASC, PK_ID ASC", "q.limit", "1000");

        List<Map<String, Object>> expected = all.stream()
                .sorted(Comparator.comparing((Map<String, Object> r) -> (String) r.get("Last_Modified"))
                        .thenComparing(r -> (Long) r.get("PK_ID")))
                .limit(1000)
                .toList();
        assertThat(pkIds(answer)).isEqualTo(pkIds(expected));
    }

    @Test
    void order_by_descending_and_bracketed_names_work() {
        var answer = client.get(V2 + "/records", "q.orderBy", "[PK_ID] desc", "q.limit", "3");

        assertThat(pkIds(answer)).isEqualTo(pkIds(all.reversed().subList(0, 3)));
    }

    @Test
    void order_by_unknown_field_or_bad_syntax_is_400() {
        var unknown = client.get(V2 + "/records", "q.orderBy", "Nope ASC");
        var bad = client.get(V2 + "/records", "q.orderBy", "PK_ID; DROP TABLE x");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("Message").asText()).contains("Nope");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void select_answers_only_the_named_fields() {
        var answer = client.get(V2 + "/records", "q.select", "PK_ID, [Note_ID]", "q.limit", "2");

        assertThat(answer.result())
                .allSatisfy(row -> assertThat(row.fieldNames()).toIterable().containsExactly("PK_ID", "Note_ID"));
        assertThat(client.get(V2 + "/records", "q.select", "PK_ID,Secret").status())
                .isEqualTo(400);
    }

    @Test
    void count_star_counts_the_matching_rows() {
        long member1 =
                all.stream().filter(r -> r.get("Client_ID2").equals("CL000001")).count();

        var total = client.get(V2 + "/records", "q.select", "COUNT(*)");
        var filtered = client.get(V2 + "/records", "q.select", "count(*)", "q.where", "Client_ID2='CL000001'");

        assertThat(total.result().get(0).get("COUNT(*)").asLong()).isEqualTo(all.size());
        assertThat(filtered.result().get(0).get("COUNT(*)").asLong()).isEqualTo(member1);
    }

    @Test
    void v3_path_answers_like_v2() {
        var v2 = client.get(V2 + "/records", "q.where", "PK_ID<=5");
        var v3 = client.get(V3 + "/records", "q.where", "PK_ID<=5");

        assertThat(v3.status()).isEqualTo(200);
        assertThat(v3.json()).isEqualTo(v2.json());
        assertThat(client.get("/integrations/rest/v3/tables")
                        .json()
                        .get("Result")
                        .get(0)
                        .asText())
                .isEqualTo(CaspioEmulator.NOTES_TABLE);
    }

    @Test
    void tables_and_fields_describe_the_notes_table() {
        var tables = client.get("/rest/v2/tables");
        var fields = client.get(V2 + "/fields").result();

        assertThat(tables.json().toString()).isEqualTo("{\"Result\":[\"connect_tbl_clientnotes\"]}");
        assertThat(fields).hasSize(14);
        JsonNode lastModified = fields.stream()
                .filter(f -> f.get("Name").asText().equals("Last_Modified"))
                .findFirst()
                .orElseThrow();
        JsonNode timeStamp = fields.stream()
                .filter(f -> f.get("Name").asText().equals("Time_Stamp"))
                .findFirst()
                .orElseThrow();
        JsonNode syncId = fields.stream()
                .filter(f -> f.get("Name").asText().equals("Sync_ID"))
                .findFirst()
                .orElseThrow();
        assertThat(lastModified.get("Type").asText()).isEqualTo("TIMESTAMP");
        assertThat(lastModified.get("OnUpdate").asBoolean()).isTrue();
        assertThat(lastModified.get("TimeZone").asText()).isEqualTo("UTC");
        assertThat(timeStamp.get("OnInsert").asBoolean()).isTrue();
        assertThat(timeStamp.get("OnUpdate").asBoolean()).isFalse();
        assertThat(syncId.get("Unique").asBoolean()).isTrue();
        assertThat(fields.get(3).get("Type").asText()).isEqualTo("TEXT");
        assertThat(fields.get(3).get("Length").asInt()).isEqualTo(64000);
        assertThat(fields.get(7).get("Type").asText()).isEqualTo("DATE/TIME");
        assertThat(fields.get(0).fieldNames())
                .toIterable()
                .containsExactly(
                        "Name",
                        "Type",
                        "Unique",
                        "Label",
                        "Description",
                        "DisplayOrder",
                        "IsFormula",
                        "OnInsert",
                        "OnUpdate",
                        "TimeZone",
                        "Length",
                        "Editable");
        assertThat(fields.get(0).get("Editable").asBoolean()).isFalse();
        assertThat(fields.get(3).get("Editable").asBoolean()).isTrue();
    }

    @Test
    void unknown_table_is_404_object_not_found() {
        var answer = client.get("/rest/v2/tables/no_such_table/records");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("Code").asText()).isEqualTo("ObjectNotFound");
        assertThat(answer.json().get("Resource").asText()).isEqualTo("/rest/v2/tables/no_such_table/records");
    }

    @Test
    void uri_longer_than_caspio_allows_is_refused() {
        var answer = client.get(V2 + "/records", "q.where", "Comments LIKE '" + "a".repeat(2100) + "'");

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.json().get("Code").asText()).isEqualTo(CaspioRules.CODE_URI_TOO_LONG);
    }
}
