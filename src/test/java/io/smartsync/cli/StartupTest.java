package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.access.Role;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.sync.SyncConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up: the service says it is ready only once the keys from the environment work and the store
 * answered, and a start leaves no copy of SQLite's native library in the temp directory.
 */
class StartupTest {
    private static final String KEY = "startup-test-admin-key-0123456789";

    @TempDir
    Path dir;

    @Test
    void health_ready_answers_503_until_the_admin_key_is_in_place_then_200_and_the_key_works() {
        try (CaspioEmulator emulator = CaspioEmulator.start(
                EmulatorConfig.defaults(dir.resolve("emulator")).withPort(0).withMembers(1))) {
            AtomicInteger readyWhileStarting = new AtomicInteger();
            AtomicInteger keyWhileStarting = new AtomicInteger();
            SyncConfig sync = SyncConfig.defaults();
            try (ServiceRuntime service = ServiceRuntime.start(
                    ServiceRuntime.Setup.of(
                            StoreSettings.inDataDir(DataDir.prepare(dir.resolve("service"), "test")),
                            new CaspioConfig(emulator.baseUri(), "v2", "demo", "demo-secret", Duration.ofSeconds(5)),
                            CaspioEmulator.NOTES_TABLE,
                            sync),
                    s -> {
                        Caller c = Caller.anonymous(s.port());
                        readyWhileStarting.set(c.get("/health/ready").status());
                        keyWhileStarting.set(
                                c.withKey(KEY).get("/api/sync/metrics").status());
                        s.keys().ensure(KEY, "admin", "Administrator", Role.ADMIN);
                    })) {
                assertThat(readyWhileStarting.get()).isEqualTo(503);
                assertThat(keyWhileStarting.get()).isEqualTo(401);
                Caller c = Caller.anonymous(service.port());
                Caller.Answer ready = c.get("/health/ready");
                assertThat(ready.status()).isEqualTo(200);
                assertThat(ready.json().path("ready").asBoolean()).isTrue();
                assertThat(c.withKey(KEY).get("/api/sync/metrics").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void serve_loads_sqlite_from_the_data_directory_and_leaves_nothing_in_the_temp_directory() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path data = dir.resolve("data");
        try (CaspioEmulator emulator = CaspioEmulator.start(
                EmulatorConfig.defaults(dir.resolve("emulator")).withPort(0).withMembers(1))) {
            Map<String, String> env = ServeProcess.demoAccount(emulator.baseUri(), data, KEY);
            env.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);
            for (int start = 0; start < 2; start++) {
                try (ServeProcess service = new ServeProcess(env, dir.resolve("service.log"), List.of()).start()) {
                    assertThat(Caller.anonymous(service.port())
                                    .withKey(KEY)
                                    .get("/api/sync/metrics")
                                    .status())
                            .isEqualTo(200);
                    service.kill();
                }
            }
        }
        assertThat(files(tmp)).noneMatch(f -> f.getFileName().toString().contains("sqlite"));
        List<Path> libs = files(data.resolve("lib"));
        assertThat(libs).hasSize(1);
        assertThat(libs.getFirst().getFileName().toString()).contains("sqlitejdbc");
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
