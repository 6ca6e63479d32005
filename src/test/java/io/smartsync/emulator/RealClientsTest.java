package io.smartsync.emulator;

import static io.smartsync.emulator.EmulatorClient.V2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real Caspio clients send and the emulator must take as Caspio does: {@code q.select=*}, field
 * definitions copied from {@code GET /fields}, the table, field, password-field and view endpoints of REST
 * v2 with Caspio's error bodies, and the original app's insert and date literals on its own table.
 */
class RealClientsTest {
    private static final String TABLES = "/rest/v2/tables";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-17T10:00:00Z"));
    private CaspioEmulator emulator;
    private EmulatorClient client;

    @BeforeEach
    void start() {
        emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir)
                .withPort(0)
                .withMembers(2)
                .withClock(clock)
                .withShape(TableShape.ORIGINAL));
        client = new EmulatorClient(emulator).login("demo", "demo-secret");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void select_star_and_an_empty_select_answer_every_field() {
        List<String> all =
                names(client.get(V2 + "/records", "q.limit", "1").result().getFirst());
        assertThat(all).hasSize(12).startsWith("PK_ID");
        assertThat(names(client.get(V2 + "/records", "q.select", "*", "q.limit", "1")
                        .result()
                        .getFirst()))
                .isEqualTo(all);
        assertThat(names(client.get(V2 + "/records", "q.select", " * ", "q.limit", "1")
                        .result()
                        .getFirst()))
                .isEqualTo(all);
        assertThat(names(client.get(V2 + "/records", "q.select", "", "q.limit", "1")
                        .result()
                        .getFirst()))
                .isEqualTo(all);
    }

    @Test
    void the_apps_insert_with_time_stamp_is_stamped_by_caspio_and_its_iso_literals_compare_as_local_time() {
        var early = client.call("POST", V2 + "/records", appInsert("early", "2026-01-17T10:29:59.000Z"));
        clock.advance(Duration.ofHours(1));
        var late = client.call("POST", V2 + "/records", appInsert("late", "1999-01-01T00:00:00.000Z"));
        assertThat(early.status()).as(early.body()).isEqualTo(201);
        assertThat(late.status()).as(late.body()).isEqualTo(201);
        var stamped = client.get(V2 + "/records", "q.where", "Comments='late'")
                .result()
                .getFirst();
        assertThat(stamped.get("Time_Stamp").asText()).isEqualTo("2026-01-17T11:00:00");
        assertThat(stamped.get("Follow_Up_Status").asText()).isEqualTo("Open");

        for (String literal : List.of(
                "'2026-01-17T10:30:00.000Z'",
                "'2026-01-17T10:30:00Z'",
                "'2026-01-17T10:30:00+02:00'",
                "'2026-01-17 10:30'",
                "'2026-01-17T10:30:00.5'")) {
            var answer = client.get(
                    V2 + "/records", "q.where", "Time_Stamp>" + literal + " AND Comments IN ('early','late')");
            assertThat(answer.status()).as(literal + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.result())
                    .as(literal)
                    .extracting(r -> r.get("Comments").asText())
                    .containsExactly("late");
        }
        assertThat(client.get(V2 + "/records", "q.where", "Time_Stamp>='2026-01-17' AND Comments='early'")
                        .result())
                .hasSize(1);
        // The app's incremental read, as route.ts builds it: a quoted member id on a NUMBER field, pages.
        var appRead = client.get(
                V2 + "/records",
                "q.pageSize",
                "100",
                "q.pageNumber",
                "1",
                "q.where",
                "Client_ID2='100001' AND Time_Stamp>'2026-01-17T10:30:00.000Z'");
        assertThat(appRead.status()).as(appRead.body()).isEqualTo(200);
        assertThat(appRead.result()).extracting(r -> r.get("Comments").asText()).containsExactly("late");
        var bad = client.get(V2 + "/records", "q.where", "Time_Stamp>'2026-01-17T10:30:00.000X'");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("Code").asText()).isEqualTo("IncorrectQueryParameter");
        var badValue = client.call("POST", V2 + "/records", "{\"Comments\":\"x\",\"Time_Stamp\":\"soon\"}");
        assertThat(badValue.status()).isEqualTo(400);
    }

    @Test
    void a_field_definition_read_from_get_fields_can_be_posted_back_with_its_label_and_place() {
        ObjectNode copy =
                (ObjectNode) client.get(V2 + "/fields/Follow_Up_Status").json().get("Result");
        assertThat(copy.get("Label").asText()).isEqualTo("Follow_Up_Status");
        copy.put("Name", "Priority_Label");
        copy.put("Label", "Priority (shown to staff)");
        copy.put("DisplayOrder", 3);
        copy.put("Length", 40);
        copy.put("Description", "Copied from Follow_Up_Status");
        copy.put("UniqueAllowNulls", true);
        copy.put("Format", "");
        var added = client.call("POST", V2 + "/fields", copy.toString());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).isEmpty();

        JsonNode listed = client.get(V2 + "/fields").json().get("Result").get(2);
        assertThat(listed.get("Name").asText()).isEqualTo("Priority_Label");
        assertThat(listed.get("Label").asText()).isEqualTo("Priority (shown to staff)");
        assertThat(listed.get("DisplayOrder").asInt()).isEqualTo(3);
        assertThat(listed.get("Length").asInt()).isEqualTo(40);
        assertThat(listed.get("Editable").asBoolean()).isTrue();
        var tooLong = client.call("POST", V2 + "/records", "{\"Priority_Label\":\"" + "x".repeat(41) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);

        emulator.close();
        emulator = CaspioEmulator.start(
                EmulatorConfig.defaults(dir).withPort(0).withClock(clock).withShape(TableShape.ORIGINAL));
        client = new EmulatorClient(emulator).login("demo", "demo-secret");
        JsonNode reopened = client.get(V2 + "/fields/priority_label").json().get("Result");
        assertThat(reopened.get("Label").asText()).isEqualTo("Priority (shown to staff)");
        assertThat(reopened.get("DisplayOrder").asInt()).isEqualTo(3);
    }

    @Test
    void fields_are_read_changed_and_dropped_one_by_one_with_caspios_error_bodies() {
        long pk = emulator.rows(CaspioEmulator.NOTES_TABLE).getFirst().get("PK_ID") instanceof Number n
                ? n.longValue()
                : -1;
        emulator.update(CaspioEmulator.NOTES_TABLE, pk, java.util.Map.of("Assigned_First", "Kim"));
        var renamed = client.call(
                "PUT",
                V2 + "/fields/Assigned_First",
                "{\"NewName\":\"Assignee_First\",\"NewLabel\":\"Assignee\",\"NewDescription\":\"first name\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(204);
        JsonNode field = client.get(V2 + "/fields/Assignee_First").json().get("Result");
        assertThat(field.get("Label").asText()).isEqualTo("Assignee");
        assertThat(field.get("Description").asText()).isEqualTo("first name");
        assertThat(client.get(V2 + "/records", "q.where", "PK_ID=" + pk)
                        .result()
                        .getFirst()
                        .get("Assignee_First")
                        .asText())
                .isEqualTo("Kim");
        assertError(client.get(V2 + "/fields/Assigned_First"), 404, "ObjectNotFound");
        assertError(
                client.call("PUT", V2 + "/fields/Comments", "{\"NewType\":\"STRING\"}"), 400, "IncorrectBodyParameter");
        assertError(client.call("PUT", V2 + "/fields/Comments", "{}"), 400, "IncorrectBodyParameter");

        var dropped = client.call("DELETE", V2 + "/fields/Assignee_First", null);
        assertThat(dropped.status()).isEqualTo(204);
        assertThat(names(client.get(V2 + "/records", "q.limit", "1").result().getFirst()))
                .doesNotContain("Assignee_First");
        assertError(client.call("DELETE", V2 + "/fields/Assignee_First", null), 404, "ObjectNotFound");
        assertError(client.call("DELETE", V2 + "/fields/PK_ID", null), 400, "IncorrectBodyParameter");
        assertError(client.get(TABLES + "/nope/fields/Comments"), 404, "ObjectNotFound");
    }

    @Test
    void tables_are_described_created_and_used_and_password_fields_listed() {
        JsonNode described = client.get(V2).json().get("Result");
        assertThat(described.get("Name").asText()).isEqualTo(CaspioEmulator.NOTES_TABLE);
        assertThat(described.get("Note").asText()).isEmpty();
        assertError(client.get(TABLES + "/no_such_table"), 404, "ObjectNotFound");

        var created = client.call(
                "POST",
                TABLES,
                "{\"Name\":\"staff_tasks\",\"Note\":\"tasks\",\"Fields\":[{\"Name\":\"Title\",\"Type\":\"STRING\","
                        + "\"Label\":\"Task\"},{\"Name\":\"Done\",\"Type\":\"YES/NO\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(client.get(TABLES).json().get("Result").toString()).contains("staff_tasks");
        assertThat(client.get(TABLES + "/staff_tasks")
                        .json()
                        .get("Result")
                        .get("Note")
                        .asText())
                .isEqualTo("tasks");
        assertThat(client.call("POST", TABLES + "/staff_tasks/records", "{\"Title\":\"Call back\",\"Done\":false}")
                        .status())
                .isEqualTo(201);
        assertThat(client.get(TABLES + "/staff_tasks/records")
                        .result()
                        .getFirst()
                        .get("Title")
                        .asText())
                .isEqualTo("Call back");
        assertError(
                client.call(
                        "POST", TABLES, "{\"Name\":\"staff_tasks\",\"Fields\":[{\"Name\":\"A\",\"Type\":\"STRING\"}]}"),
                400,
                "IncorrectBodyParameter");
        assertError(client.call("POST", TABLES, "{\"Name\":\"empty\",\"Fields\":[]}"), 400, "IncorrectBodyParameter");

        assertThat(client.get(V2 + "/passwordFields").json().get("Result")).isEmpty();
        assertError(
                client.call("PUT", V2 + "/passwordFields/Comments", "{\"Value\":\"x\"}", "q.where", "PK_ID=1"),
                400,
                "IncorrectQueryParameter");
        assertError(
                client.call("DELETE", V2 + "/passwordFields/Nope", null, "q.where", "PK_ID=1"), 404, "ObjectNotFound");
        assertError(client.get(TABLES + "/nope/passwordFields"), 404, "ObjectNotFound");
    }

    @Test
    void views_read_their_table_with_text_pk_ids_and_refuse_writes() {
        assertThat(client.get("/rest/v2/views").json().get("Result")).isEmpty();
        var defined = client.admin(
                "PUT",
                "/_emulator/views/notes_view",
                "{\"Table\":\"" + CaspioEmulator.NOTES_TABLE + "\",\"Note\":\"n\"}");
        assertThat(defined.status()).isEqualTo(204);
        assertThat(client.get("/rest/v2/views").json().get("Result").toString()).isEqualTo("[\"notes_view\"]");
        JsonNode view =
                client.get("/integrations/rest/v3/views/notes_view").json().get("Result");
        assertThat(view.get("Name").asText()).isEqualTo("notes_view");
        assertThat(view.get("Note").asText()).isEqualTo("n");

        var rows = client.get("/rest/v2/views/notes_view/records", "q.select", "*", "q.limit", "3")
                .result();
        assertThat(rows).hasSize(3);
        assertThat(rows.getFirst().get("PK_ID").isTextual()).isTrue();
        var count = client.get("/rest/v2/views/notes_view/records", "q.select", "COUNT(*)")
                .result();
        assertThat(count.getFirst().get("COUNT(*)").asInt())
                .isEqualTo(emulator.rows(CaspioEmulator.NOTES_TABLE).size());
        assertThat(client.get("/rest/v2/views/notes_view/fields")
                        .json()
                        .get("Result")
                        .get(0)
                        .get("Type")
                        .asText())
                .isEqualTo("STRING");

        assertError(
                client.call("POST", "/rest/v2/views/notes_view/records", "{\"Comments\":\"x\"}"),
                405,
                "MethodNotAllowed");
        assertError(
                client.call("DELETE", "/rest/v2/views/notes_view/records", null, "q.where", "PK_ID=1"),
                405,
                "MethodNotAllowed");
        assertError(client.get("/rest/v2/views/missing"), 404, "ObjectNotFound");
        assertError(client.get("/rest/v2/views/missing/records"), 404, "ObjectNotFound");
    }

    private static String appInsert(String comments, String timeStamp) {
        // src/app/api/client-notes/route.ts's POST, field for field.
        return "{\"Client_ID2\":100001,\"User_ID\":null,\"Comments\":\"" + comments + "\",\"Time_Stamp\":\"" + timeStamp
                + "\",\"Follow_Up_Date\":null,\"Follow_Up_Assignment\":null,\"Follow_Up_Status\":\"Open\"}";
    }

    private static void assertError(EmulatorClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        JsonNode body = answer.json();
        assertThat(body.get("Code").asText()).isEqualTo(code);
        assertThat(body.get("Message").asText()).isNotBlank();
        assertThat(body.has("RequestId")).isTrue();
        assertThat(answer.requestId()).isNotBlank();
    }

    private static List<String> names(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
