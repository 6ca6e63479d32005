package io.smartsync.emulator;

import static io.smartsync.emulator.EmulatorClient.V2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** q.where over HTTP against five known rows, stamped one minute apart from 10:00:00. */
class WhereClauseTest {

    @TempDir
    static Path dir;

    static CaspioEmulator emulator;
    static EmulatorClient client;

    @BeforeAll
    static void start() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-17T10:00:00Z"));
        emulator = CaspioEmulator.start(
                EmulatorConfig.defaults(dir).withPort(0).withMembers(0).withClock(clock));
        client = new EmulatorClient(emulator).login("demo", "demo-secret");
        add(clock, "CL000001", "Pat O'Brien", "pobrien", "Housing navigation call", "🟢Open", "2026-01-10T00:00:00");
        add(clock, "CL000002", "Ana Martinez", "a_b", "Medication reconciliation", "🔴Closed", null);
        add(clock, "CL000003", "Brian Nguyen", "axb", "ECM outreach 100% done", null, "2026-02-01T09:30:00");
        add(clock, "CL000004", "Grace Kim", "gkim", "Scheduled PCP visit", "🟡 Priority", "2026-01-20T00:00:00");
        add(clock, "12345", "Dev Patel", "dpatel", "Urgent: ER visit", "🔴 Urgent", null);
    }

    static void add(
            MutableClock clock,
            String client2,
            String name,
            String user,
            String comments,
            String status,
            String followUp) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("Client_ID2", client2);
        fields.put("User_Full_Name", name);
        fields.put("User_ID", user);
        fields.put("Comments", comments);
        fields.put("Follow_Up_Status", status);
        fields.put("Follow_Up_Date", followUp);
        emulator.insert(CaspioEmulator.NOTES_TABLE, fields);
        clock.advance(Duration.ofMinutes(1));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static List<Long> matching(String where) {
        var answer = client.get(V2 + "/records", "q.where", where);
        assertThat(answer.status()).as(where + " -> " + answer.body()).isEqualTo(200);
        return answer.result().stream().map(r -> r.get("PK_ID").asLong()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            PK_ID = 2                                           | 2
            PK_ID <> 2                                          | 1,3,4,5
            PK_ID != 2                                          | 1,3,4,5
            PK_ID < 3                                           | 1,2
            PK_ID <= 3                                          | 1,2,3
            PK_ID > 3                                           | 4,5
            PK_ID >= 3                                          | 3,4,5
            PK_ID < 2.5                                         | 1,2
            PK_ID > -1 AND PK_ID < 2                            | 1
            PK_ID = '4'                                         | 4
            PK_ID = 1 OR PK_ID = 2 AND PK_ID = 3                | 1
            (PK_ID = 1 OR PK_ID = 2) AND PK_ID = 2              | 2
            NOT PK_ID = 1 AND NOT (PK_ID > 3)                   | 2,3
            not pk_id in (1, 2) and [Client_ID2] like 'CL%'     | 3,4
            PK_ID IN (5, 3)                                     | 3,5
            PK_ID NOT IN (5, 3)                                 | 1,2,4
            Client_ID2 IN ('CL000001', 'CL000004')              | 1,4
            User_Full_Name = 'Pat O''Brien'                     | 1
            User_Full_Name = N'Pat O''Brien'                    | 1
            user_full_name = 'ana martinez'                     | 2
            Comments LIKE '%visit%'                             | 4,5
            Comments NOT LIKE '%visit%'                         | 1,2,3
            User_ID LIKE 'a_b'                                  | 2,3
            User_ID = 'a_b'                                     | 2
            Follow_Up_Status IS NULL                            | 3
            Follow_Up_Status IS NOT NULL AND Follow_Up_Date IS NULL | 2,5
            Follow_Up_Status = '🔴 Urgent'                      | 5
            Client_ID2 = 12345                                  | 5
            Time_Stamp >= '2026-01-17T10:02:00'                 | 3,4,5
            Time_Stamp >= '2026-01-17 10:02:00'                 | 3,4,5
            Time_Stamp > '2026-01-17T10:02:00.5'                | 4,5
            Time_Stamp >= '2026-01-17T10:02:00.000'             | 3,4,5
            Time_Stamp = '2026-01-17 10:01'                     | 2
            Last_Modified < '2026-01-17'                        | none
            Follow_Up_Date > '2026-01-15' AND Follow_Up_Date < '2026-02-01 09:30:00' | 4
            Follow_Up_Date LIKE '2026-01%'                      | 1,4
            PK_ID = PK_ID AND Client_ID2 <> User_ID              | 1,2,3,4,5
            """)
    void where_clause_selects_the_expected_rows(String where, String expected) {
        List<Long> ids = expected.equals("none")
                ? List.of()
                : Arrays.stream(expected.split(",")).map(Long::parseLong).toList();

        assertThat(matching(where)).isEqualTo(ids);
    }

    @Test
    void where_clause_with_doubled_quote_matches_literal_name() {
        assertThat(matching("User_Full_Name='Pat O''Brien'")).containsExactly(1L);
    }

    @Test
    void where_clause_injection_text_is_bound_as_a_value() {
        assertThat(matching("User_Full_Name = 'x'' OR ''1''=''1'")).isEmpty();
        SqlFragment sql = WhereCompiler.compile(NotesTable.SYNC_READY, "User_Full_Name = 'x'' OR 1=1 --'");
        assertThat(sql.sql()).isEqualTo("\"User_Full_Name\" = ?");
        assertThat(sql.params()).containsExactly("x' OR 1=1 --");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "' OR 1=1 --",
                "1; DROP TABLE connect_tbl_clientnotes",
                "PK_ID=1; DROP TABLE connect_tbl_clientnotes",
                "PK_ID=1 --",
                "PK_ID=1 /* x */",
                "Comments='abc",
                "Comments=abc'",
                "(PK_ID=1",
                "PK_ID=1)",
                "Unknown_Field=1",
                "[Unknown Field]=1",
                "[PK_ID=1",
                "\"PK_ID\" = 1",
                "PK_ID = = 1",
                "PK_ID IN ()",
                "PK_ID IN (PK_ID)",
                "PK_ID IS 1",
                "PK_ID = NULL",
                "PK_ID NOT = 1",
                "PK_ID = 1 AND",
                "NOT",
                "AND PK_ID = 1",
                "PK_ID",
                "PK_ID = 0x10",
                "PK_ID = 1.2.3",
                "PK_ID = 'abc'",
                "Time_Stamp > 'yesterday'",
                "Time_Stamp > 5",
                "Comments LIKE",
                "PK_ID BETWEEN 1 AND 2",
                "PK_ID = 1 UNION SELECT * FROM sqlite_master",
                "PK_ID = @p",
                "PK_ID = 1\u0000",
                "PK_ID = `1`",
            })
    void hostile_or_malformed_where_is_400_with_caspio_body(String where) {
        var answer = client.get(V2 + "/records", "q.where", where);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode body = answer.json();
        assertThat(body.get("Code").asText()).isEqualTo("IncorrectQueryParameter");
        assertThat(body.get("Message").asText()).startsWith("q.where: ").contains("character");
        assertThat(body.get("RequestId").asText()).isEqualTo(answer.requestId());
        assertThat(answer.body()).doesNotContain("Exception", "at io.", "SQLITE");
        assertThat(emulator.rows(CaspioEmulator.NOTES_TABLE)).hasSize(5);
    }

    @Test
    void deep_nesting_is_400_not_a_stack_overflow() {
        String where = "(".repeat(100) + "PK_ID=1" + ")".repeat(100);

        var answer = client.get(V2 + "/records", "q.where", where);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("Message").asText()).contains("nesting");
    }

    @Test
    void error_message_says_where_and_what() {
        var unterminated = client.get(V2 + "/records", "q.where", "Comments='abc");
        var unknown = client.get(V2 + "/records", "q.where", "PK_ID = 1 AND Colour = 'red'");

        assertThat(unterminated.json().get("Message").asText()).contains("unterminated", "character 10");
        assertThat(unknown.json().get("Message").asText()).contains("'Colour'", "character 15");
    }

    @Test
    void delete_with_hostile_where_deletes_nothing() {
        var answer = client.call("DELETE", V2 + "/records", null, "q.where", "PK_ID=1 OR 1=1; --");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(emulator.rows(CaspioEmulator.NOTES_TABLE)).hasSize(5);
    }
}
