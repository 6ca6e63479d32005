package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartsync.access.Role;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.TableShape;
import io.smartsync.store.Store;
import io.smartsync.store.TableCursor;
import io.smartsync.sync.SyncConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `setup` against a table in the original app's shape: reports, adds with --apply, then has nothing to do. */
class SetupCommandTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    private static Run setup(CaspioEmulator emulator, String... flags) {
        StringWriter out = new StringWriter();
        String[] args = new String[flags.length + 1];
        args[0] = "setup";
        System.arraycopy(flags, 0, args, 1, flags.length);
        Map<String, String> env = Map.of(
                "CASPIO_BASE_URL", emulator.baseUri().toString(),
                "CASPIO_CLIENT_ID", "demo",
                "CASPIO_CLIENT_SECRET", "demo-secret");
        StringWriter err = new StringWriter();
        int status = Main.run(args, env, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void setup_reports_what_the_original_table_lacks_adds_it_with_apply_and_then_has_nothing_to_do() {
        try (CaspioEmulator emulator = CaspioEmulator.start(
                EmulatorConfig.defaults(dir).withPort(0).withMembers(2).withShape(TableShape.ORIGINAL))) {
            Run report = setup(emulator);
            assertThat(report.status())
                    .as("missing fields without --apply stop a deployment script")
                    .isEqualTo(3);
            assertThat(report.out())
                    .contains("cursor: Time_Stamp (TIMESTAMP, set on insert only)")
                    .contains("edits made in Caspio are NOT seen")
                    .contains("idempotent creates: no Sync_ID field")
                    .contains("member field: Client_ID2 (number, sent unquoted)")
                    .contains("missing: Last_Modified")
                    .contains("missing: Sync_ID")
                    .contains("Run again with --apply");

            Run applied = setup(emulator, "--apply");
            assertThat(applied.status()).as(applied.err()).isZero();
            assertThat(applied.out())
                    .contains("added: Last_Modified")
                    .contains("added: Sync_ID")
                    .contains("cursor: Last_Modified (TIMESTAMP, set on insert and update");

            Run again = setup(emulator);
            assertThat(again.status()).isZero();
            assertThat(again.out()).contains("Nothing to do").doesNotContain("missing:");
        }
    }

    /**
     * After setup --apply every row of the original table lacks the new Last_Modified: the poll must start
     * from the newest stamped row (there is none) and keep polling from there, not store "null" and fail
     * every poll after the first. And when every poll fails (here: the cursor field is deleted in Caspio
     * while the service runs), /health must say so.
     */
    @Test
    void setup_apply_then_the_poll_runs_on_the_original_table_and_health_shows_a_poll_that_keeps_failing()
            throws Exception {
        try (CaspioEmulator emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                .withPort(0)
                .withMembers(2)
                .withShape(TableShape.ORIGINAL))) {
            assertThat(setup(emulator, "--apply").status()).isZero();
            SyncConfig sync =
                    SyncConfig.builder().autoSyncInterval(50).pageSize(10).build();
            try (ServiceRuntime service = ServiceRuntime.start(ServiceRuntime.Setup.of(
                    StoreSettings.inDataDir(DataDir.prepare(dir.resolve("service"), "test")),
                    new CaspioConfig(emulator.baseUri(), "v2", "demo", "demo-secret", Duration.ofSeconds(10)),
                    CaspioEmulator.NOTES_TABLE,
                    sync))) {
                Caller anon = Caller.anonymous(service.port());
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> !poll(anon).path("lastOkAt").isNull());
                Instant first = Instant.parse(poll(anon).path("lastOkAt").asText());
                await().atMost(Duration.ofSeconds(20))
                        .alias("polls after the first go on from the stored cursor")
                        .until(() -> {
                            JsonNode p = poll(anon);
                            return Instant.parse(p.path("lastOkAt").asText()).isAfter(first)
                                    && p.path("consecutiveFailures").asInt() == 0;
                        });
                Caller staff = anon.withKey(
                        service.keys().issue("staff-1", "Sam Staff", Role.STAFF).key());
                assertThat(staff.get("/api/client-notes?clientId2=100001").status())
                        .isEqualTo(200);
                assertThat(status(staff).path("cursor").path("stamp").isNull())
                        .as("every row of the member predates Last_Modified")
                        .isTrue();
                emulator.insert(
                        CaspioEmulator.NOTES_TABLE, Map.of("Client_ID2", 100001, "Comments", "Edited in a DataPage"));
                // No selection meanwhile: only the poll can move the member's cursor to the new row's stamp.
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> !status(staff).path("cursor").path("stamp").isNull());
                assertThat(staff.get("/api/client-notes?clientId2=100001").text())
                        .contains("Edited in a DataPage");
                assertThat(anon.get("/health").json().path("status").asText()).isEqualTo("up");

                deleteField(emulator, "Last_Modified");
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> poll(anon).path("state").asText().equals("failing"));
                JsonNode health = anon.get("/health").json();
                assertThat(health.path("status").asText()).isEqualTo("degraded");
                assertThat(health.path("checks")
                                .path("poll")
                                .path("consecutiveFailures")
                                .asInt())
                        .isGreaterThanOrEqualTo(3);
                assertThat(health.path("checks").path("poll").path("lastError").asText())
                        .isNotBlank();
            }
        }
    }

    /** A service that stored the text "null" as its poll cursor (before this fix) polls again after a restart. */
    @Test
    void a_poll_cursor_stored_as_the_text_null_by_an_earlier_version_starts_over_instead_of_failing_every_poll() {
        try (CaspioEmulator emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                .withPort(0)
                .withMembers(2)
                .withShape(TableShape.ORIGINAL))) {
            assertThat(setup(emulator, "--apply").status()).isZero();
            var location = StoreSettings.inDataDir(DataDir.prepare(dir.resolve("service"), "test"));
            try (Store store = Store.open(location, java.time.Clock.systemUTC())) {
                store.progress().saveTableCursor("poll", new TableCursor("null", 0, Instant.now(), null));
            }
            SyncConfig sync =
                    SyncConfig.builder().autoSyncInterval(50).pageSize(10).build();
            try (ServiceRuntime service = ServiceRuntime.start(ServiceRuntime.Setup.of(
                    location,
                    new CaspioConfig(emulator.baseUri(), "v2", "demo", "demo-secret", Duration.ofSeconds(10)),
                    CaspioEmulator.NOTES_TABLE,
                    sync))) {
                Caller anon = Caller.anonymous(service.port());
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> !poll(anon).path("lastOkAt").isNull());
                Instant first = Instant.parse(poll(anon).path("lastOkAt").asText());
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    JsonNode p = poll(anon);
                    return Instant.parse(p.path("lastOkAt").asText()).isAfter(first)
                            && p.path("consecutiveFailures").asInt() == 0;
                });
            }
        }
    }

    private static JsonNode status(Caller staff) {
        return staff.get("/api/sync-status?clientId2=100001").data();
    }

    private static JsonNode poll(Caller anon) {
        return anon.get("/health").json().path("checks").path("poll");
    }

    /** Deletes a field through the emulator's REST API, as a Caspio admin could in the table designer. */
    private static void deleteField(CaspioEmulator emulator, String field) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> token = http.send(
                    HttpRequest.newBuilder(emulator.baseUri().resolve("/oauth/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "grant_type=client_credentials&client_id=demo&client_secret=demo-secret"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String bearer = new ObjectMapper()
                    .readTree(token.body())
                    .path("access_token")
                    .asText();
            HttpResponse<String> deleted = http.send(
                    HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/rest/v2/tables/"
                                    + CaspioEmulator.NOTES_TABLE + "/fields/" + field))
                            .header("Authorization", "Bearer " + bearer)
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        }
    }
}
