package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.EmulatorStats;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.store.StoreKind;
import io.smartsync.store.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox claims of an instance killed with SIGKILL mid-push come back in seconds: at once to the same
 * instance restarted on its data directory, after the short lease to another instance sharing PostgreSQL;
 * and a push slower than the lease is not taken from a live instance (the heartbeat renews it).
 */
class ClaimsAfterKillTest {
    private static final String KEY = "claims-after-kill-test-admin-key";
    private static final String MEMBER = "CL000001";
    private static final int NOTES = 3;

    @TempDir
    Path dir;

    @Test
    void an_instance_restarted_on_its_data_directory_pushes_its_claimed_entries_at_once() {
        try (CaspioEmulator emulator = emulator()) {
            // Given a lease far longer than the test may wait, and an instance whose pushes are in flight
            Map<String, String> env = env(emulator, dir.resolve("data"));
            env.put("SMARTSYNC_PUSH_LEASE_MS", "600000");
            List<String> ids;
            String name;
            try (ServeProcess first = serve(env, "first")) {
                TestApi api = new TestApi(first.port(), KEY);
                name = api.get("/health").body().path("instance").asText();
                emulator.faults(FaultConfig.parse("latency=8s"));
                ids = write(api, NOTES);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> emulator.writes().inFlight() == NOTES);

                // When it is killed mid-push and started again on the same data directory
                first.kill();
            }
            emulator.faults(FaultConfig.NONE);
            try (ServeProcess again = serve(env, "again")) {
                TestApi api = new TestApi(again.port(), KEY);

                // Then it is the same instance, and its claims are pushed without waiting for their lease
                assertThat(api.get("/health").body().path("instance").asText()).isEqualTo(name);
                awaitQueueEmpty(api);
                assertOnceEach(emulator, ids);
            }
        }
    }

    @Test
    void another_instance_takes_a_killed_instance_s_claims_after_the_short_lease_and_never_a_live_one_s() {
        try (TestDatabase db = TestDatabase.create(StoreKind.POSTGRES, dir);
                CaspioEmulator emulator = emulator()) {
            // Given two instances on one PostgreSQL store, a 3 s lease renewed every 500 ms
            Function<String, Map<String, String>> env = name -> {
                Map<String, String> e = env(emulator, dir.resolve(name));
                e.put("SMARTSYNC_DB", db.location().postgresUrl());
                e.put("SMARTSYNC_PUSH_LEASE_MS", "3000");
                e.put("SMARTSYNC_PUSH_HEARTBEAT_MS", "500");
                return e;
            };
            try (ServeProcess a = serve(env.apply("a"), "a");
                    ServeProcess b = serve(env.apply("b"), "b")) {
                TestApi apiA = new TestApi(a.port(), KEY);
                TestApi apiB = new TestApi(b.port(), KEY);

                // When notes are written on A and each push takes four times the lease
                emulator.faults(FaultConfig.parse("latency=12s"));
                List<String> ids = write(apiA, NOTES);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> emulator.writes().inFlight() == NOTES);

                // Then, over two leases, B claims none of them (a claim is an attempt): A's heartbeat keeps them
                await().during(Duration.ofSeconds(6))
                        .atMost(Duration.ofSeconds(9))
                        .until(() -> attempts(apiB).equals(Collections.nCopies(NOTES, 1)));
                assertThat(emulator.stats().requests(EmulatorStats.Kind.CREATE)).isEqualTo(NOTES);

                // When A is killed mid-push, B takes its claims once their lease runs out
                a.kill();
                emulator.faults(FaultConfig.NONE);
                awaitQueueEmpty(apiB);
                assertOnceEach(emulator, ids);
            }
        }
    }

    private CaspioEmulator emulator() {
        return CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                .withPort(0)
                .withMembers(1)
                .withNotesPerMember(0)
                .withSyncIdUnique(true));
    }

    private ServeProcess serve(Map<String, String> env, String name) {
        return new ServeProcess(env, dir.resolve(name + ".log"), List.of("-Xmx256m")).start();
    }

    private static Map<String, String> env(CaspioEmulator emulator, Path dataDir) {
        Map<String, String> env = ServeProcess.demoAccount(emulator.baseUri(), dataDir, KEY);
        env.put("SMARTSYNC_AUTO_SYNC_INTERVAL_MS", "1000");
        env.put("SMARTSYNC_RETRY_DELAY_MS", "5");
        env.put("SMARTSYNC_MAX_RETRY_ATTEMPTS", "1");
        env.put("SMARTSYNC_SYNC_TIMEOUT_MS", "30000"); // longer than the injected latency: the write stays in flight
        env.put("SMARTSYNC_OVERLAP_SECONDS", "1");
        env.put("SMARTSYNC_BREAKER_DELAY_MS", "200");
        env.put("SMARTSYNC_LOG_LEVEL", "INFO");
        return env;
    }

    private static List<String> write(TestApi api, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestApi.Answer a = api.post("/api/client-notes", Map.of("clientId2", MEMBER, "comments", "note " + i));
            assertThat(a.status()).isEqualTo(201);
            ids.add(a.body().path("data").path("noteId").asText());
        }
        return ids;
    }

    /** The attempts of each queued entry, as {@code GET /api/sync/pending} shows them. */
    private static List<Integer> attempts(TestApi api) {
        List<Integer> attempts = new ArrayList<>();
        api.get("/api/sync/pending")
                .body()
                .path("data")
                .forEach(e -> attempts.add(e.path("syncAttempts").asInt(-1)));
        return attempts;
    }

    private static void awaitQueueEmpty(TestApi api) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/sync/pending").body().path("data").isEmpty());
    }

    private static void assertOnceEach(CaspioEmulator emulator, List<String> ids) {
        Map<String, Long> rows = emulator.rows(CaspioEmulator.NOTES_TABLE).stream()
                .collect(Collectors.groupingBy(r -> String.valueOf(r.get("Sync_ID")), Collectors.counting()));
        assertThat(rows).containsOnlyKeys(ids);
        assertThat(rows.values()).containsOnly(1L);
    }
}
