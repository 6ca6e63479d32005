package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.access.ApiKeys;
import io.smartsync.access.AuditFilter;
import io.smartsync.access.AuditLog;
import io.smartsync.access.Users;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys and users commands: what an admin types, what they see, and what the store then holds. */
class AccessCommandsTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(
                args, Map.of("SMARTSYNC_DATA_DIR", dir.toString()), new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void an_admin_creates_lists_and_revokes_a_key_which_is_shown_once() {
        Run created = run("keys", "create", "--owner", "etl-job", "--name", "Nightly export", "--role", "staff");
        assertThat(created.status()).isZero();
        String key = created.out()
                .lines()
                .filter(l -> l.startsWith("ssk_"))
                .findFirst()
                .orElseThrow();
        String id = created.out().lines().findFirst().orElseThrow().split(" ")[2];

        Run listed = run("keys", "list");
        assertThat(listed.out())
                .contains(id)
                .contains("etl-job")
                .contains("staff")
                .doesNotContain(key);
        try (AccessStore store = AccessStore.open(new Env(Map.of()), dir)) {
            assertThat(new ApiKeys(store.records(), Clock.systemUTC()).authenticate(key))
                    .isPresent();
        }

        assertThat(run("keys", "revoke", id).status()).isZero();
        assertThat(run("keys", "revoke", id).status()).isEqualTo(1);
        try (AccessStore store = AccessStore.open(new Env(Map.of()), dir)) {
            assertThat(new ApiKeys(store.records(), Clock.systemUTC()).authenticate(key))
                    .isEmpty();
        }
    }

    @Test
    void an_admin_creates_lists_and_disables_a_user_with_a_password_from_a_file() throws Exception {
        Path password = Files.writeString(dir.resolve("pw"), "correct horse battery\n");
        Run created =
                run("users", "create", "nurse.kim", "--name", "Kim Nurse", "--password-file", password.toString());
        assertThat(created.status()).as(created.err()).isZero();
        assertThat(created.out()).contains("nurse.kim (staff) can now sign in");

        assertThat(run("users", "list").out())
                .contains("nurse.kim")
                .contains("Kim Nurse")
                .doesNotContain("argon2");
        assertThat(run("users", "disable", "nurse.kim").status()).isZero();
        try (AccessStore store = AccessStore.open(new Env(Map.of()), dir)) {
            Users users = new Users(store.records(), Clock.systemUTC());
            assertThat(users.authenticate("nurse.kim", "correct horse battery".toCharArray()))
                    .isEmpty();
            assertThat(users.find("nurse.kim").orElseThrow().enabled()).isFalse();
        }
    }

    @Test
    void bad_input_ends_the_command_with_status_2_and_says_why() throws Exception {
        Path shortPassword = Files.writeString(dir.resolve("pw"), "short");
        assertThat(run("users", "create", "kim", "--name", "Kim", "--password-file", shortPassword.toString()))
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(2);
                    assertThat(r.err()).contains("12 to 256 characters");
                });
        assertThat(run("keys", "create", "--owner", "x", "--name", "X", "--role", "root"))
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(2);
                    assertThat(r.err()).contains("role must be staff or admin");
                });
        assertThat(run("users", "create", "kim", "--name", "Kim").err()).contains("--password-file");
    }

    @Test
    void every_admin_command_is_in_the_audit_log_with_who_ran_it() throws Exception {
        run("keys", "create", "--owner", "etl-job", "--name", "Nightly export");
        Files.writeString(dir.resolve("pw"), "correct horse battery");
        run(
                "users",
                "create",
                "kim",
                "--name",
                "Kim",
                "--password-file",
                dir.resolve("pw").toString());
        run("users", "disable", "kim");
        try (AccessStore store = AccessStore.open(new Env(Map.of()), dir)) {
            List<String> lines = new AuditLog(store.records(), Clock.systemUTC())
                    .find(new AuditFilter(null, null, null, null, null, null, 10)).stream()
                            .map(e -> e.actor() + " " + e.action() + " " + e.outcome())
                            .toList();
            String actor = "cli:" + System.getProperty("user.name");
            assertThat(lines)
                    .containsExactly(
                            actor + " users.disable ok", actor + " users.create ok", actor + " keys.create ok");
        }
    }
}
