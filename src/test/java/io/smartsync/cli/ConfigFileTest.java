package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --config} file: under the environment, the same names and checks, typos refused. */
class ConfigFileTest {
    private static final String KEY = "config-file-test-admin-key-0123";

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, env, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void serve_takes_settings_from_the_file_the_environment_wins_and_the_settings_view_says_which() throws Exception {
        try (CaspioEmulator emulator = CaspioEmulator.start(
                EmulatorConfig.defaults(dir.resolve("emulator")).withPort(0).withMembers(2))) {
            // Given a file with the Caspio client id, a page size, a poll interval and a body limit
            Path file = write(
                    "smartsync.properties",
                    "# the service's settings",
                    "CASPIO_CLIENT_ID = demo",
                    "SMARTSYNC_PAGE_SIZE=250",
                    "SMARTSYNC_AUTO_SYNC_INTERVAL_MS=45000",
                    "SMARTSYNC_MAX_REQUEST_BYTES=4096");
            // and an environment that sets the poll interval too
            Map<String, String> env = Map.of(
                    "CASPIO_BASE_URL",
                    emulator.baseUri().toString(),
                    "CASPIO_CLIENT_SECRET",
                    "demo-secret",
                    "SMARTSYNC_DATA_DIR",
                    dir.resolve("data").toString(),
                    "SMARTSYNC_AUTO_SYNC_INTERVAL_MS",
                    "20000",
                    "SMARTSYNC_API_KEY",
                    KEY);

            // When serve runs with --config
            try (ServeProcess service = new ServeProcess(
                            env, dir.resolve("service.log"), List.of(), List.of("--config", file.toString()))
                    .start()) {
                Caller admin = Caller.anonymous(service.port()).withKey(KEY);

                // Then the settings view shows the file's value, the environment's over the file's, the default
                Map<String, JsonNode> shown = new HashMap<>();
                admin.get("/api/sync/settings")
                        .data()
                        .path("settings")
                        .forEach(s -> shown.put(s.path("name").asText(), s));
                assertThat(shown.get("pageSize").path("value").asText()).isEqualTo("250");
                assertThat(shown.get("pageSize").path("source").asText()).isEqualTo("file");
                assertThat(shown.get("autoSyncInterval").path("value").asText()).isEqualTo("20000");
                assertThat(shown.get("autoSyncInterval").path("source").asText())
                        .isEqualTo("environment");
                assertThat(shown.get("batchSize").path("source").asText()).isEqualTo("default");

                // and the file's values are in effect: its client id reaches Caspio, its body limit holds
                Caller.Answer notes = admin.get("/api/client-notes?clientId2=CL000001");
                assertThat(notes.status()).isEqualTo(200);
                assertThat(notes.data().path("notes")).isNotEmpty();
                Caller.Answer big =
                        admin.post("/api/client-notes", Map.of("clientId2", "CL000001", "comments", "x".repeat(5000)));
                assertThat(big.status()).isEqualTo(413);
            }
        }
    }

    @Test
    void a_bad_value_in_the_file_names_the_key_and_the_file() throws IOException {
        Path file = write("bad.properties", "SMARTSYNC_PAGE_SIZE=2");

        Run run = run(serveEnv(), "serve", "--config", file.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .contains("SMARTSYNC_PAGE_SIZE must be between 5 and 1000")
                .contains("SMARTSYNC_PAGE_SIZE set in " + file);
    }

    @Test
    void a_value_that_is_not_a_number_in_the_file_is_named_with_the_file_and_the_demo_reads_the_file_too()
            throws IOException {
        Path file = write("demo.properties", "SMARTSYNC_RETRY_DELAY_MS=soon");

        Run run = run(Map.of(), "demo", "--data-dir", dir.resolve("demo").toString(), "--config", file.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .contains("SMARTSYNC_RETRY_DELAY_MS must be a whole number, was 'soon'")
                .contains("set in " + file);
    }

    @Test
    void an_unknown_key_in_the_file_is_refused_by_name() throws IOException {
        Path file = write("typo.properties", "SMARTSYNC_PAGE_SIZ=250");

        Run run = run(Map.of(), "serve", "--config", file.toString()); // the file is read before anything else

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .contains(file + ": unknown setting 'SMARTSYNC_PAGE_SIZ'")
                .contains("did you mean SMARTSYNC_PAGE_SIZE?");
    }

    @Test
    void a_file_that_cannot_be_read_is_named() {
        Path missing = dir.resolve("nowhere.properties");

        Run run = run(Map.of(), "serve", "--config", missing.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--config: cannot read " + missing);
    }

    @Test
    void the_environment_wins_over_a_bad_value_in_the_file() throws IOException {
        Path file = write("under.properties", "SMARTSYNC_PAGE_SIZE=2", "SMARTSYNC_BATCH_SIZE=20");
        Map<String, String> env = new HashMap<>(Map.of("SMARTSYNC_PAGE_SIZE", "250"));

        Env layered = new Env(env).over(file);
        var sync = SyncSettings.fromEnv(layered);

        assertThat(sync.pageSize()).isEqualTo(250);
        assertThat(sync.batchSize()).isEqualTo(20);
        assertThat(layered.source("SMARTSYNC_PAGE_SIZE")).isEqualTo("environment");
        assertThat(layered.source("SMARTSYNC_BATCH_SIZE")).isEqualTo("file");
        assertThat(layered.source("SMARTSYNC_OVERLAP_SECONDS")).isEqualTo("default");
    }

    /** The file takes exactly the names the commands read: a new variable must be added to {@link ConfigFile#KEYS}. */
    @Test
    void the_file_knows_every_variable_the_commands_read() throws IOException {
        Set<String> read = new TreeSet<>();
        Pattern name = Pattern.compile("\"((?:SMARTSYNC|CASPIO)_[A-Z0-9_]*[A-Z0-9])\"");
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/io/smartsync/cli"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith("ConfigFile.java"))
                    .toList()) {
                Matcher m = name.matcher(Files.readString(source));
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        assertThat(read).isNotEmpty();
        assertThat(new TreeSet<>(ConfigFile.KEYS)).isEqualTo(read);
    }

    @Test
    void the_readme_example_file_is_one_the_commands_accept() throws IOException {
        Matcher block = Pattern.compile("```properties\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("README.md")));
        assertThat(block.find()).as("a ```properties example in the README").isTrue();
        Path file = Files.writeString(dir.resolve("readme.properties"), block.group(1));

        Env env = new Env(Map.of()).over(file);

        assertThat(env.source("SMARTSYNC_CONFLICT_POLICY")).isEqualTo("file");
        assertThat(SyncSettings.fromEnv(env).autoSyncInterval()).isEqualTo(15_000);
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    private Map<String, String> serveEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("CASPIO_BASE_URL", "http://127.0.0.1:9");
        env.put("CASPIO_CLIENT_ID", "id");
        env.put("CASPIO_CLIENT_SECRET", "secret");
        env.put("SMARTSYNC_DATA_DIR", dir.toString());
        return env;
    }
}
