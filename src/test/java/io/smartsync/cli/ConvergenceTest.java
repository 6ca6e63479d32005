package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.store.StoreKind;
import io.smartsync.store.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Correctness rules 1 and 2 of DESIGN.md under faults: random writes on both sides (app and Caspio),
 * concurrent edits of one note, 5xx, 429, connections cut after commit, late commits, early token
 * expiry and clock skew, and restarts of the service (some by SIGKILL right after a burst of writes, so
 * pushes are cut mid-flight). Once the network heals, the local store must equal Caspio for every synced
 * member, no accepted note may be lost and Caspio may hold no duplicate. Repeatable from its seed:
 * {@code -Dconvergence.seed=N -Dconvergence.ops=N -Dconvergence.restarts=N} (README: a larger run). It
 * runs on SQLite and, shorter by default to keep the suite near ten minutes, on a PostgreSQL schema.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ConvergenceTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;
    private static final String KEY = "convergence-test-admin-key";

    @TempDir
    Path dir;

    @Parameter
    StoreKind kind;

    @Test
    void local_store_equals_caspio_after_random_writes_faults_and_restarts() {
        long seed = Long.getLong("convergence.seed", 20261125L);
        int ops = Integer.getInteger("convergence.ops", kind == StoreKind.SQLITE ? 2000 : 800);
        int restarts = Integer.getInteger("convergence.restarts", kind == StoreKind.SQLITE ? 6 : 3);
        System.out.println("convergence: seed=" + seed + " ops=" + ops + " restarts=" + restarts + " store=" + kind);
        try (TestDatabase db = TestDatabase.create(kind, dir);
                CaspioEmulator emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                        .withPort(0)
                        .withMembers(8)
                        .withSeed(seed));
                ServiceProcess service =
                        new ServiceProcess(env(emulator, db, dir.resolve("service")), dir.resolve("service.log"))) {
            service.start();
            TestApi api = new TestApi(service.port(), KEY);
            Workload work = new Workload(new Random(seed), api, emulator);
            work.selectAll();
            emulator.faults(FaultConfig.parse("error5xx=0.03,throttle429=0.01,dropAfterCommit=0.03,lateCommit=0.02,"
                    + "lateCommitLag=1s,tokenExpiry=3s,clockSkew=-2s"));

            int every = Math.max(1, ops / (restarts + 1));
            for (int i = 1; i <= ops; i++) {
                work.step();
                if (i % every == 0 && i < ops) {
                    if ((i / every) % 2 == 1) {
                        work.burstOfCreates(5); // the pusher wakes at once: the kill lands mid-push
                        service.kill();
                    } else {
                        service.stop();
                    }
                    service.start();
                    work.restarts++;
                    System.out.println("convergence: restart " + work.restarts + " after op " + i + " at "
                            + java.time.Instant.now());
                }
            }

            emulator.faults(FaultConfig.NONE);
            heal(api, work);

            Map<String, Long> bySyncId = new HashMap<>();
            for (Map<String, Object> row : emulator.rows(TABLE)) {
                Object id = row.get("Sync_ID");
                if (id != null && !id.toString().isEmpty()) {
                    bySyncId.merge(id.toString(), 1L, Long::sum);
                }
            }
            long duplicates = bySyncId.values().stream().filter(n -> n > 1).count();
            long lost = work.accepted.keySet().stream()
                    .filter(id -> !work.deletedByApp.contains(id) && !work.deletedInCaspio.contains(id))
                    .filter(id -> !bySyncId.containsKey(id))
                    .count();
            int mismatched = 0;
            for (String member : Workload.MEMBERS) {
                Map<String, String> local = localNotes(api, member);
                Map<String, String> caspio = caspioNotes(emulator, member);
                if (!local.equals(caspio)) {
                    mismatched++;
                    System.out.println(
                            "member " + member + " differs: local=" + local.keySet() + " caspio=" + caspio.keySet());
                }
            }
            int conflicts = api.get("/api/sync/conflicts").body().path("data").size();
            System.out.printf(
                    "convergence: %d ops (%d app writes accepted, %d Caspio writes), %d restarts, lost=%d,"
                            + " duplicates=%d, members differing=%d, conflicts logged=%d%n",
                    ops,
                    work.accepted.size(),
                    work.caspioWrites,
                    work.restarts,
                    lost,
                    duplicates,
                    mismatched,
                    conflicts);
            assertThat(lost).as("accepted notes missing from Caspio").isZero();
            assertThat(duplicates).as("notes Caspio holds twice").isZero();
            assertThat(mismatched)
                    .as("members whose local notes differ from Caspio")
                    .isZero();
            assertThat(work.serverErrors).as("5xx answers from the service").isZero();
        }
    }

    /** The network is back: retry what was parked, force every member, and wait for the queue to drain. */
    private static void heal(TestApi api, Workload work) {
        api.post("/api/sync/retry-failed", "{}");
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        api.post("/api/sync/process", "{}");
                        return api.get("/api/sync/pending").body().path("data").isEmpty()
                                && api.get("/api/sync/failed")
                                        .body()
                                        .path("data")
                                        .isEmpty();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println(
                    "still pending: " + api.get("/api/sync/pending").body().path("data"));
            System.out.println(
                    "still failed: " + api.get("/api/sync/failed").body().path("data"));
            throw e;
        }
        for (String member : Workload.MEMBERS) {
            assertThat(api.post("/api/sync/force", Map.of("clientId2", member)).status())
                    .isEqualTo(200);
        }
    }

    private static Map<String, String> localNotes(TestApi api, String member) {
        Map<String, String> notes = new TreeMap<>();
        JsonNode answer = api.get("/api/client-notes?clientId2=" + member).body();
        answer.path("data")
                .path("notes")
                .forEach(n ->
                        notes.put(n.path("noteId").asText(), n.path("comments").asText()));
        return notes;
    }

    private static Map<String, String> caspioNotes(CaspioEmulator emulator, String member) {
        Map<String, String> notes = new TreeMap<>();
        for (Map<String, Object> r : emulator.rows(TABLE)) {
            if (member.equals(r.get("Client_ID2"))) {
                Object syncId = r.get("Sync_ID");
                String id =
                        syncId == null || syncId.toString().isEmpty() ? "caspio_" + r.get("PK_ID") : syncId.toString();
                notes.put(id, r.get("Comments") == null ? "" : r.get("Comments").toString());
            }
        }
        return notes;
    }

    private static Map<String, String> env(CaspioEmulator emulator, TestDatabase db, Path dataDir) {
        Map<String, String> env = new HashMap<>();
        if (db.location().isPostgres()) {
            env.put("SMARTSYNC_DB", db.location().postgresUrl());
        }
        env.put("SMARTSYNC_DATA_DIR", dataDir.toString());
        env.put("CASPIO_BASE_URL", emulator.baseUri().toString());
        env.put("CASPIO_CLIENT_ID", "demo");
        env.put("CASPIO_CLIENT_SECRET", "demo-secret");
        env.put("SMARTSYNC_API_KEY", KEY);
        env.put("SMARTSYNC_AUTO_SYNC_INTERVAL_MS", "200");
        env.put("SMARTSYNC_RETRY_DELAY_MS", "5");
        env.put("SMARTSYNC_MAX_RETRY_ATTEMPTS", "2");
        env.put("SMARTSYNC_MAX_RETRY_DELAY_MS", "20");
        env.put("SMARTSYNC_SYNC_TIMEOUT_MS", "3000");
        env.put("SMARTSYNC_PUSH_LEASE_MS", "1000");
        env.put("SMARTSYNC_RECONCILE_INTERVAL_MS", "1000");
        env.put("SMARTSYNC_TABLE_RECONCILE_INTERVAL_MS", "1000");
        env.put("SMARTSYNC_OVERLAP_SECONDS", "2");
        env.put("SMARTSYNC_BREAKER_DELAY_MS", "200");
        env.put("SMARTSYNC_LOG_LEVEL", "WARN");
        return env;
    }
}
