package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.TableShape;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
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
}
