package io.smartsync.emulator;

import static io.smartsync.emulator.EmulatorClient.V2;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class TableShapeTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-17T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static List<String> fieldNames(EmulatorClient client) {
        return StreamSupport.stream(
                        client.get(V2 + "/fields").json().get("Result").spliterator(), false)
                .map(f -> f.get("Name").asText())
                .toList();
    }

    @Test
    void original_shape_has_numeric_member_ids_and_no_sync_fields() {
        try (CaspioEmulator emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir)
                .withPort(0)
                .withMembers(5)
                .withSeed(3)
                .withClock(CLOCK)
                .withShape(TableShape.ORIGINAL))) {
            EmulatorClient client = new EmulatorClient(emulator).login("demo", "demo-secret");

            List<String> fields = fieldNames(client);
            JsonNode member = client.get(V2 + "/fields").result().stream()
                    .filter(f -> f.get("Name").asText().equals("Client_ID2"))
                    .findFirst()
                    .orElseThrow();
            var first = client.get(V2 + "/records", "q.where", "Client_ID2=100001");
            var quoted = client.get(V2 + "/records", "q.where", "Client_ID2='100001'");
            var text = client.get(V2 + "/records", "q.where", "Client_ID2='CL000001'");

            assertThat(fields).doesNotContain("Sync_ID", "Last_Modified").contains("Time_Stamp", "Client_ID2");
            assertThat(member.get("Type").asText()).isEqualTo("NUMBER");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.result()).isNotEmpty().allSatisfy(r -> {
                assertThat(r.get("Client_ID2").isIntegralNumber()).isTrue();
                assertThat(r.get("Client_ID2").asLong()).isEqualTo(100001);
            });
            assertThat(quoted.result()).hasSameSizeAs(first.result());
            assertThat(text.status()).isEqualTo(400);
            assertThat(emulator.rows(CaspioEmulator.NOTES_TABLE))
                    .extracting(r -> ((Number) r.get("Client_ID2")).longValue())
                    .allMatch(id -> id >= 100001 && id <= 100005);
        }
    }

    @Test
    void both_shapes_get_the_same_notes_with_the_member_written_their_way() {
        List<Map<String, Object>> syncReady;
        List<Map<String, Object>> original;
        try (CaspioEmulator a = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("a"))
                .withPort(0)
                .withMembers(4)
                .withClock(CLOCK))) {
            syncReady = a.rows(CaspioEmulator.NOTES_TABLE);
        }
        try (CaspioEmulator b = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("b"))
                .withPort(0)
                .withMembers(4)
                .withClock(CLOCK)
                .withShape(TableShape.ORIGINAL))) {
            original = b.rows(CaspioEmulator.NOTES_TABLE);
        }

        assertThat(original).hasSameSizeAs(syncReady);
        assertThat(original.stream().map(r -> r.get("Client_ID2").toString()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("100001", "100002", "100003", "100004");
        assertThat(original.get(0).get("Comments")).isEqualTo(syncReady.get(0).get("Comments"));
        assertThat(syncReady.get(0)).containsKeys("Sync_ID", "Last_Modified");
        assertThat(original.get(0)).doesNotContainKeys("Sync_ID", "Last_Modified");
    }

    @Test
    void a_file_from_before_stored_definitions_is_served_as_the_sync_ready_table() {
        try (CaspioEmulator first =
                CaspioEmulator.start(EmulatorConfig.defaults(dir).withPort(0).withMembers(1))) {
            first.insert(CaspioEmulator.NOTES_TABLE, Map.of("Sync_ID", "s-1"));
        }
        try (EmulatorDatabase db = EmulatorDatabase.open(dir)) {
            db.inTransaction(c -> {
                try (var st = c.createStatement()) {
                    st.execute("DROP TABLE \"_emulator_fields\"");
                }
                return null;
            });
        }

        try (CaspioEmulator reopened =
                CaspioEmulator.start(EmulatorConfig.defaults(dir).withPort(0).withShape(TableShape.ORIGINAL))) {
            EmulatorClient client = new EmulatorClient(reopened).login("demo", "demo-secret");

            assertThat(fieldNames(client)).contains("Sync_ID", "Last_Modified");
            assertThat(client.get(V2 + "/records", "q.where", "Sync_ID='s-1'").result())
                    .hasSize(1);
        }
    }

    @Test
    void close_logs_the_port_it_served_on() {
        Logger logger = (Logger) LoggerFactory.getLogger(CaspioEmulator.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            CaspioEmulator emulator = CaspioEmulator.start(
                    EmulatorConfig.defaults(dir).withPort(0).withMembers(0));
            int port = emulator.port();

            emulator.close();

            assertThat(appender.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .contains("Caspio emulator on port " + port + " stopped");
            assertThat(emulator.port()).isEqualTo(port);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
    }
}
