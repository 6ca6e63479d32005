package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member read's audit line commits without waiting for the disk (README, "Security"): it must still
 * survive a crash of the service. A real {@code serve} JVM on SQLite is killed with SIGKILL right after
 * its answers and started again on the same data directory; the audit log then shows every read, and a
 * note written just before the kill is there with its own line (writes stay durable before the answer).
 */
class ReadAuditDurabilityTest {
    private static final String KEY = "read-audit-test-admin-key-0123456789";
    private static final String MEMBER = "CL000001";

    @TempDir
    Path dir;

    @Test
    void every_read_answered_before_a_kill_9_is_in_the_audit_log_after_the_restart() {
        try (CaspioEmulator emulator = CaspioEmulator.start(
                EmulatorConfig.defaults(dir.resolve("emulator")).withPort(0).withMembers(1))) {
            Map<String, String> env = ServeProcess.demoAccount(emulator.baseUri(), dir.resolve("data"), KEY);
            try (ServeProcess service = new ServeProcess(env, dir.resolve("service.log"), List.of()).start()) {
                Caller api = Caller.anonymous(service.port()).withKey(KEY);
                List<Integer> reads = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    reads.add(api.get("/api/client-notes?clientId2=" + MEMBER).status());
                }
                Caller.Answer created = api.post(
                        "/api/client-notes", Map.of("clientId2", MEMBER, "comments", "Written just before the crash"));
                reads.add(api.get("/api/client-notes?clientId2=" + MEMBER).status());
                service.kill(); // SIGKILL right after the last answer: no shutdown hook, nothing flushed on the way out

                assertThat(reads).containsOnly(200);
                assertThat(created.status()).isEqualTo(201);
                String noteId = created.data().path("noteId").asText();

                service.start();
                api = Caller.anonymous(service.port()).withKey(KEY);
                assertThat(actions(api, "notes.read")).hasSize(4);
                assertThat(actions(api, "notes.create")).containsExactly(noteId);
                assertThat(api.get("/api/client-notes?clientId2=" + MEMBER).text())
                        .contains(noteId);
            }
        }
    }

    /** The member's audit lines of {@code action} by the key's owner that ended well: their note ids. */
    private static List<String> actions(Caller api, String action) {
        Caller.Answer audit = api.get("/api/audit?clientId2=" + MEMBER + "&action=" + action + "&limit=100");
        assertThat(audit.status()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        for (JsonNode e : audit.data().path("entries")) {
            if (e.path("outcome").asText().equals("ok")) {
                found.add(e.path("noteId").asText(""));
            }
        }
        return found;
    }
}
