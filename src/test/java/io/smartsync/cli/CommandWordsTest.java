package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the commands say: help, setting errors, a busy port, the demo's settings. */
class CommandWordsTest {
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
    void top_level_help_gives_each_command_one_whole_sentence_on_one_line() {
        Run help = run(Map.of(), "--help");
        List<String> commands = help.out()
                .lines()
                .dropWhile(l -> !l.equals("Commands:"))
                .skip(1)
                .toList();
        assertThat(commands).hasSize(9);
        assertThat(commands).allSatisfy(l -> assertThat(l).matches("  \\S+ +[A-Z].*\\.$"));
    }

    @Test
    void flags_that_a_variable_can_set_name_it_and_serve_help_lists_every_sync_setting() {
        assertThat(run(Map.of(), "demo", "--help").out())
                .contains("[SMARTSYNC_PORT]")
                .contains("[SMARTSYNC_DATA_DIR]");
        String serve = run(Map.of(), "serve", "--help").out();
        assertThat(serve).contains("[SMARTSYNC_PORT]", "[SMARTSYNC_DATA_DIR]", "[SMARTSYNC_DB]");
        for (String variable : SyncSettings.VARIABLES.values()) {
            assertThat(serve.replaceAll("\\s+", "")).contains(variable);
        }
    }

    @Test
    void every_option_of_every_other_command_says_what_it_does_and_names_its_variable() {
        Map<String, String> variables = Map.of(
                "keys --data-dir", "SMARTSYNC_DATA_DIR",
                "users --data-dir", "SMARTSYNC_DATA_DIR",
                "bench --postgres-url", "SMARTSYNC_TEST_POSTGRES_URL");
        List<String> checked = new ArrayList<>();
        for (String command : List.of(
                "keys",
                "keys create",
                "keys list",
                "keys revoke",
                "users",
                "users create",
                "users list",
                "users disable",
                "setup",
                "emulator",
                "soak",
                "bench",
                "bench-scaleout")) {
            String help = run(Map.of(), (command + " --help").split(" ")).out();
            subcommandsOneLineEach(help);
            for (Map.Entry<String, String> option : options(help).entrySet()) {
                String flag = command.split(" ")[0] + " " + option.getKey();
                assertThat(option.getValue())
                        .as(command + " " + option.getKey())
                        .matches("\\S.*\\.");
                if (variables.containsKey(flag)) {
                    assertThat(option.getValue()).as(flag).contains("[" + variables.get(flag) + "]");
                    checked.add(flag);
                }
            }
        }
        assertThat(checked).hasSize(9); // --data-dir of keys and users and their six subcommands; bench's URL
    }

    /** Each option of a help text (its long name) and its description, the wrapped lines joined. */
    private static Map<String, String> options(String help) {
        Map<String, String> options = new LinkedHashMap<>();
        Pattern start = Pattern.compile("^  (?:-\\w, |    )(--[\\w-]+)(?:=\\S+)?(.*)$");
        String current = null;
        for (String line : help.lines().toList()) {
            Matcher m = start.matcher(line);
            if (m.matches()) {
                current = m.group(1);
                options.put(current, m.group(2).strip());
            } else if (current != null && line.startsWith("       ")) {
                options.merge(current, line.strip(), (a, b) -> (a + " " + b).strip());
            } else {
                current = null;
            }
        }
        assertThat(options).containsKey("--help");
        return options;
    }

    private static void subcommandsOneLineEach(String help) {
        List<String> commands =
                help.lines().dropWhile(l -> !l.equals("Commands:")).skip(1).toList();
        assertThat(commands).allSatisfy(l -> assertThat(l).matches("  \\S+ +[A-Z].*\\.$"));
    }

    @Test
    void demo_and_emulator_describe_the_emulator_options_they_share_alike() {
        String demo = run(Map.of(), "demo", "--help").out();
        String emulator = run(Map.of(), "emulator", "--help").out();

        for (String line : List.of(
                "Members seeded into a new emulator database",
                "The OAuth client id the emulator accepts.",
                "Faults the emulator injects")) {
            assertThat(demo).contains(line);
            assertThat(emulator).contains(line);
        }
        assertThat(demo).contains("A .properties file of SMARTSYNC_* and CASPIO_*");
        assertThat(run(Map.of(), "serve", "--help").out()).contains("A .properties file of SMARTSYNC_* and CASPIO_*");
    }

    @Test
    void a_bad_emulator_option_stops_demo_and_emulator_alike_naming_the_flag() {
        Run demo = run(
                Map.of(),
                "demo",
                "--members",
                "-1",
                "--data-dir",
                dir.resolve("demo").toString());
        Run emulator = run(
                Map.of(),
                "emulator",
                "--faults",
                "nonsense=1",
                "--data-dir",
                dir.resolve("emu").toString());

        assertThat(demo.status()).isEqualTo(2);
        assertThat(demo.err()).contains("--members must be 0 or more, was -1");
        assertThat(emulator.status()).isEqualTo(2);
        assertThat(emulator.err()).contains("--faults: unknown key 'nonsense'");
    }

    @Test
    void a_sync_setting_out_of_range_names_its_environment_variable() {
        Map<String, String> env = serveEnv();
        env.put("SMARTSYNC_MAX_RETRY_ATTEMPTS", "-1");
        Run run = run(env, "serve");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .contains("SMARTSYNC_MAX_RETRY_ATTEMPTS must be 0 or more")
                .doesNotContain("maxRetry");
    }

    @Test
    void the_demo_honours_the_sync_settings_of_the_environment() {
        Run run = run(Map.of("SMARTSYNC_PAGE_SIZE", "2"), "demo", "--data-dir", dir.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("SMARTSYNC_PAGE_SIZE must be between 5 and 1000");
    }

    @Test
    void a_busy_port_is_one_line_naming_the_port_and_the_setting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Map<String, String> env = serveEnv();
            env.put("SMARTSYNC_PORT", Integer.toString(port));
            env.put("SMARTSYNC_MAX_RETRY_ATTEMPTS", "0");
            Run run = run(env, "serve");
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err().lines().toList())
                    .containsExactly("smartsync: SMARTSYNC_PORT: port " + port
                            + " is in use by another program; stop it or choose another port with SMARTSYNC_PORT");
        }
    }

    @Test
    void keys_revoke_promises_what_a_running_service_does() {
        Map<String, String> env = Map.of("SMARTSYNC_DATA_DIR", dir.toString());
        Run created = run(env, "keys", "create", "--owner", "etl-job", "--name", "Nightly export", "--role", "staff");
        String id = created.out().replaceAll("(?s)API key (\\S+) for.*", "$1");
        assertThat(run(env, "keys", "revoke", "--help").out()).contains("within 5 s");
        assertThat(run(env, "keys", "revoke", id).out()).contains("refuses it within 5 s");
    }

    @Test
    void the_settings_view_says_each_sync_setting_in_effect_and_whether_it_came_from_the_environment() {
        Map<String, String> env =
                new HashMap<>(Map.of("SMARTSYNC_PAGE_SIZE", "250", "SMARTSYNC_MAX_RETRY_DELAY_MS", "7000"));
        var sync = SyncSettings.fromEnv(new Env(env));
        var all = SyncSettings.describe(new Env(env), sync, SyncSettings.policy(new Env(env), sync), false);

        assertThat(all)
                .contains(
                        new io.smartsync.sync.SyncSetting("pageSize", "SMARTSYNC_PAGE_SIZE", "250", "environment"),
                        new io.smartsync.sync.SyncSetting(
                                "maxRetryDelay", "SMARTSYNC_MAX_RETRY_DELAY_MS", "7000", "environment"),
                        new io.smartsync.sync.SyncSetting(
                                "autoSyncInterval", "SMARTSYNC_AUTO_SYNC_INTERVAL_MS", "30000", "default"),
                        new io.smartsync.sync.SyncSetting(
                                "conflictPolicy", "SMARTSYNC_CONFLICT_POLICY", "last-write-wins", "default"));
        assertThat(all)
                .extracting(io.smartsync.sync.SyncSetting::variable)
                .doesNotHaveDuplicates()
                .hasSize(21);
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
