package io.smartsync.emulator;

import static io.smartsync.emulator.EmulatorClient.V2;
import static io.smartsync.emulator.EmulatorClient.V3;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /tables/{t}/fields}, fields kept across restarts, and q.groupBy. */
class FieldsTest {

    @TempDir
    Path dir;

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-17T10:00:00Z"));

    CaspioEmulator start(Path data) {
        return CaspioEmulator.start(EmulatorConfig.defaults(data)
                .withPort(0)
                .withMembers(0)
                .withClock(CLOCK)
                .withShape(TableShape.ORIGINAL));
    }

    static JsonNode field(EmulatorClient client, String name) {
        return StreamSupport.stream(
                        client.get(V2 + "/fields").json().get("Result").spliterator(), false)
                .filter(f -> f.get("Name").asText().equals(name))
                .findFirst()
                .orElse(null);
    }

    @Test
    void a_new_timestamp_field_is_listed_stamped_on_new_rows_and_null_on_existing_ones() {
        try (CaspioEmulator emulator = start(dir)) {
            EmulatorClient client = new EmulatorClient(emulator).login("demo", "demo-secret");
            emulator.insert(CaspioEmulator.NOTES_TABLE, Map.of("Note_ID", "old"));

            var added = client.call(
                    "POST",
                    V3 + "/fields",
                    "{\"Name\":\"Last_Modified\",\"Type\":\"TIMESTAMP\",\"OnInsert\":true,\"OnUpdate\":true,"
                            + "\"TimeZone\":\"UTC\",\"Description\":\"Smart Sync cursor\",\"Unique\":false}");
            JsonNode row = client.call("POST", V2 + "/records", "{\"Note_ID\":\"new\"}", "response", "rows")
                    .result()
                    .get(0);

            assertThat(added.status()).isEqualTo(201);
            assertThat(added.body()).isEmpty();
            JsonNode listed = field(client, "Last_Modified");
            assertThat(listed.get("Type").asText()).isEqualTo("TIMESTAMP");
            assertThat(listed.get("OnInsert").asBoolean()).isTrue();
            assertThat(listed.get("OnUpdate").asBoolean()).isTrue();
            assertThat(listed.get("TimeZone").asText()).isEqualTo("UTC");
            assertThat(listed.get("Description").asText()).isEqualTo("Smart Sync cursor");
            assertThat(listed.get("DisplayOrder").asInt()).isEqualTo(13);
            assertThat(row.get("Last_Modified").asText()).isEqualTo("2026-01-17T10:00:00");
            assertThat(emulator.rows(CaspioEmulator.NOTES_TABLE).get(0))
                    .containsEntry("Note_ID", "old")
                    .containsEntry("Last_Modified", null);
        }
    }

    @Test
    void a_unique_string_field_takes_many_empty_values_but_no_duplicate() {
        try (CaspioEmulator emulator = start(dir)) {
            EmulatorClient client = new EmulatorClient(emulator).login("demo", "demo-secret");
            emulator.insert(CaspioEmulator.NOTES_TABLE, Map.of("Note_ID", "before"));

            var added = client.call(
                    "POST",
                    V2 + "/fields",
                    "{\"Name\":\"Sync_ID\",\"Type\":\"STRING\",\"Unique\":true,\"OnInsert\":null,"
                            + "\"OnUpdate\":null,\"TimeZone\":null,\"Description\":null}");
            int nullOne =
                    client.call("POST", V2 + "/records", "{\"Note_ID\":\"a\"}").status();
            int emptyOne =
                    client.call("POST", V2 + "/records", "{\"Sync_ID\":\"\"}").status();
            int emptyTwo =
                    client.call("POST", V2 + "/records", "{\"Sync_ID\":\"\"}").status();
            int first = client.call("POST", V2 + "/records", "{\"Sync_ID\":\"u-1\"}")
                    .status();
            var duplicate = client.call("POST", V2 + "/records", "{\"Sync_ID\":\"u-1\"}");

            assertThat(added.status()).isEqualTo(201);
            assertThat(field(client, "Sync_ID").get("Unique").asBoolean()).isTrue();
            assertThat(field(client, "Sync_ID").get("Length").asInt()).isEqualTo(255);
            assertThat(List.of(nullOne, emptyOne, emptyTwo, first)).containsOnly(201);
            assertThat(duplicate.status()).isEqualTo(400);
            assertThat(duplicate.json().get("Message").asText()).contains("Sync_ID");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{\"Name\":\"Comments\",\"Type\":\"STRING\"} | already exists",
                "{\"Name\":\"comments\",\"Type\":\"TEXT\"} | already exists",
                "{\"Name\":\"PK_ID\",\"Type\":\"INTEGER\"} | already exists",
                "{\"Name\":\"Bad Name\",\"Type\":\"STRING\"} | is invalid",
                "{\"Name\":\"1st\",\"Type\":\"STRING\"} | is invalid",
                "{\"Name\":\"_x\",\"Type\":\"STRING\"} | is invalid",
                "{\"Name\":\"A23456789012345678901234567890123\",\"Type\":\"STRING\"} | is invalid",
                "{\"Name\":\"x\\\"; DROP TABLE t; --\",\"Type\":\"STRING\"} | is invalid",
                "{\"Name\":\"Select\",\"Type\":\"STRING\"} | reserved word",
                "{\"Name\":\"Extra\",\"Type\":\"VARCHAR\"} | Unknown field type 'VARCHAR'",
                "{\"Name\":\"Extra\",\"Type\":\"FILE\"} | not supported",
                "{\"Name\":\"Extra\",\"Type\":\"AUTONUMBER\"} | not supported",
                "{\"Name\":\"Extra\"} | Name and Type are required",
                "{\"Name\":\"Extra\",\"Type\":\"STRING\",\"OnUpdate\":true} | TIMESTAMP fields only",
                "{\"Name\":\"Extra\",\"Type\":\"TIMESTAMP\",\"TimeZone\":\"Mars/Base\"} | TimeZone",
                "{\"Name\":\"Extra\",\"Type\":\"TEXT\",\"Unique\":true} | cannot be unique",
                "{\"Name\":\"Extra\",\"Type\":\"STRING\",\"Unique\":\"yes\"} | Unique must be true or false",
                "{\"Name\":\"Extra\",\"Type\":\"STRING\",\"Colour\":\"x\"} | Unknown property 'Colour'",
                "{\"Name\":\"Extra\",\"Type\":\"STRING\",\"Length\":256} | Length 256",
                "{\"Name\":\"Extra\",\"Type\":\"TEXT\",\"Length\":100} | Length 100",
                "{\"Name\":\"Extra\",\"Type\":\"STRING\",\"IsFormula\":true} | Formula",
                "{\"Name\":\"Extra\",\"Type\":\"STRING\",\"DisplayOrder\":-1} | DisplayOrder",
                "[1] | one JSON object",
                "{ | not valid JSON"
            })
    void a_field_that_cannot_be_added_is_400_incorrect_body_parameter(String body, String message) {
        try (CaspioEmulator emulator = start(dir)) {
            EmulatorClient client = new EmulatorClient(emulator).login("demo", "demo-secret");

            var answer = client.call("POST", V2 + "/fields", body);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("Code").asText()).isEqualTo("IncorrectBodyParameter");
            assertThat(answer.json().get("Message").asText()).contains(message);
            assertThat(client.get(V2 + "/fields").result()).hasSize(12);
        }
    }

    @Test
    void fields_added_later_are_kept_when_the_database_is_reopened_whatever_shape_is_asked() {
        try (CaspioEmulator emulator = start(dir)) {
            EmulatorClient client = new EmulatorClient(emulator).login("demo", "demo-secret");
            client.call("POST", V2 + "/fields", "{\"Name\":\"Visits\",\"Type\":\"INTEGER\",\"Unique\":true}");
            emulator.insert(CaspioEmulator.NOTES_TABLE, Map.of("Note_ID", "kept", "Visits", 3));
        }

        try (CaspioEmulator reopened = CaspioEmulator.start(
                EmulatorConfig.defaults(dir).withPort(0).withClock(CLOCK).withShape(TableShape.SYNC_READY))) {
            EmulatorClient client = new EmulatorClient(reopened).login("demo", "demo-secret");

            JsonNode visits = field(client, "Visits");
            assertThat(visits.get("Type").asText()).isEqualTo("INTEGER");
            assertThat(visits.get("Unique").asBoolean()).isTrue();
            assertThat(field(client, "Client_ID2").get("Type").asText()).isEqualTo("NUMBER");
            assertThat(field(client, "Sync_ID")).isNull();
            assertThat(client.get(V2 + "/records", "q.where", "Visits=3").result())
                    .extracting(r -> r.get("Note_ID").asText())
                    .containsExactly("kept");
            assertThat(client.call("POST", V2 + "/records", "{\"Visits\":3}").status())
                    .as("still unique")
                    .isEqualTo(400);
        }
    }

    @Test
    void group_by_answers_the_grouped_fields_and_their_counts() {
        try (CaspioEmulator emulator = start(dir)) {
            EmulatorClient client = new EmulatorClient(emulator).login("demo", "demo-secret");
            for (long member : new long[] {100002, 100001, 100002, 100003, 100002}) {
                emulator.insert(CaspioEmulator.NOTES_TABLE, Map.of("Client_ID2", member, "User_ID", "u" + member % 2));
            }

            var groups = client.get(
                    V2 + "/records",
                    "q.select",
                    "Client_ID2, COUNT(*)",
                    "q.groupBy",
                    "Client_ID2",
                    "q.where",
                    "Client_ID2 <> 100003");
            var byTwo = client.get(
                    V3 + "/records",
                    "q.select",
                    "COUNT(*),User_ID",
                    "q.groupBy",
                    "User_ID,Client_ID2",
                    "q.orderBy",
                    "Client_ID2 DESC");

            assertThat(groups.status()).isEqualTo(200);
            assertThat(groups.json().get("Result").toString())
                    .isEqualTo("[{\"Client_ID2\":100001,\"COUNT(*)\":1},{\"Client_ID2\":100002,\"COUNT(*)\":3}]");
            assertThat(byTwo.result()).hasSize(3);
            assertThat(byTwo.result().get(0).get("COUNT(*)").asLong()).isEqualTo(1);
            assertThat(byTwo.result().get(0).get("User_ID").asText()).isEqualTo("u1");
        }
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "Client_ID2 | | needs q.select",
                "Client_ID2 | Client_ID2,Comments | 'Comments' is neither in q.groupBy",
                "Nope | Nope | q.groupBy: unknown field 'Nope'",
                " | Client_ID2,COUNT(*) | needs q.groupBy"
            })
    void group_by_that_sql_server_would_refuse_is_400(String groupBy, String select, String message) {
        try (CaspioEmulator emulator = start(dir)) {
            EmulatorClient client = new EmulatorClient(emulator).login("demo", "demo-secret");

            var answer = client.get(
                    V2 + "/records",
                    "q.groupBy",
                    groupBy == null ? "" : groupBy,
                    "q.select",
                    select == null ? "" : select);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("Code").asText()).isEqualTo("IncorrectQueryParameter");
            assertThat(answer.json().get("Message").asText()).contains(message);
        }
    }
}
