package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.store.StoreKind;
import io.smartsync.store.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out (DESIGN.md): three `serve` processes share one PostgreSQL store and one Caspio (the
 * emulator, faults on). Notes written through all three reach Caspio exactly once even though the
 * instance that runs the global poll is killed with SIGKILL half-way through; the poller role moves to a
 * surviving instance within the lease time, and the entries the dead instance had claimed are pushed by
 * the others once their lease runs out.
 */
class ScaleOutTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;
    private static final String KEY = "scale-out-test-admin-key";
    private static final int NOTES = Integer.getInteger("scaleout.notes", 2000);
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final List<String> MEMBERS = List.of("CL000001", "CL000002", "CL000003", "CL000004");

    @TempDir
    Path dir;

    @Test
    void three_instances_push_every_note_once_while_the_poller_is_killed_and_its_role_moves() throws Exception {
        try (TestDatabase db = TestDatabase.create(StoreKind.POSTGRES, dir);
                CaspioEmulator emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                        .withPort(0)
                        .withMembers(MEMBERS.size()));
                Instances instances = new Instances(
                        3,
                        i -> new ServiceProcess(
                                env(emulator, db, dir.resolve("instance-" + i)),
                                dir.resolve("instance-" + i + ".log")))) {
            instances.startAll();
            String poller = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> instances
                                    .api(0)
                                    .get("/health")
                                    .body()
                                    .path("poller")
                                    .asText(null),
                            p -> p != null);
            int killed = instances.indexOf(poller);
            System.out.println("scale-out: instances " + instances.ids() + ", poller " + poller);
            emulator.faults(FaultConfig.parse("error5xx=0.03,throttle429=0.01,dropAfterCommit=0.03"));

            Map<String, String> accepted = new ConcurrentHashMap<>();
            AtomicInteger refused = new AtomicInteger();
            try (ExecutorService writers = Executors.newFixedThreadPool(6)) {
                List<Future<?>> writes = new ArrayList<>();
                for (int i = 0; i < NOTES; i++) {
                    int n = i;
                    writes.add(writers.submit(() -> write(instances, n, accepted, refused)));
                }
                await().atMost(Duration.ofSeconds(120)).until(() -> accepted.size() >= NOTES / 3);
                instances.kill(killed); // mid-run: its claimed entries wait for their lease to run out
                long killedAt = System.nanoTime();
                String next = await().atMost(LEASE)
                        .pollInterval(Duration.ofMillis(50))
                        .until(
                                () -> instances
                                        .survivor()
                                        .get("/health")
                                        .body()
                                        .path("poller")
                                        .asText(null),
                                p -> p != null && !p.equals(poller));
                System.out.printf(
                        "scale-out: killed %s after %d notes; %s polls now (%d ms after the kill)%n",
                        poller, accepted.size(), next, (System.nanoTime() - killedAt) / 1_000_000);
                assertThat(instances.ids()).contains(next);
                for (Future<?> w : writes) {
                    w.get();
                }
            }

            emulator.faults(FaultConfig.NONE);
            TestApi api = instances.survivor();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        api.post("/api/sync/retry-failed", "{}");
                        api.post("/api/sync/process", "{}");
                        return api.get("/api/sync/pending").body().path("data").isEmpty()
                                && api.get("/api/sync/failed")
                                        .body()
                                        .path("data")
                                        .isEmpty();
                    });

            Map<String, Long> rowsBySyncId = new HashMap<>();
            for (Map<String, Object> row : emulator.rows(TABLE)) {
                Object id = row.get("Sync_ID");
                if (id != null && !id.toString().isEmpty()) {
                    rowsBySyncId.merge(id.toString(), 1L, Long::sum);
                }
            }
            long duplicates = rowsBySyncId.values().stream().filter(c -> c > 1).count();
            long lost = accepted.keySet().stream()
                    .filter(id -> !rowsBySyncId.containsKey(id))
                    .count();
            System.out.printf(
                    "scale-out: %d notes accepted (%d writes cut by the kill), %d rows with a sync id in Caspio,"
                            + " duplicates=%d, lost=%d%n",
                    accepted.size(), refused.get(), rowsBySyncId.size(), duplicates, lost);
            assertThat(accepted.size() + refused.get()).isEqualTo(NOTES);
            assertThat(duplicates).as("notes Caspio holds twice").isZero();
            assertThat(lost).as("accepted notes missing from Caspio").isZero();
        }
    }

    /** One note, through the instance whose turn it is, or the next one alive. */
    private static void write(Instances instances, int n, Map<String, String> accepted, AtomicInteger refused) {
        String member = MEMBERS.get(n % MEMBERS.size());
        String text = "scale-out note " + n;
        Optional<TestApi> api = instances.alive(n);
        try {
            TestApi.Answer a =
                    api.orElseThrow().post("/api/client-notes", Map.of("clientId2", member, "comments", text));
            if (a.status() == 201) {
                accepted.put(a.body().path("data").path("noteId").asText(), text);
            } else {
                refused.incrementAndGet();
            }
        } catch (IllegalStateException e) {
            refused.incrementAndGet(); // the instance died under this request: not accepted
        }
    }

    private static Map<String, String> env(CaspioEmulator emulator, TestDatabase db, Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("SMARTSYNC_DB", db.location().postgresUrl());
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
        env.put("SMARTSYNC_PUSH_LEASE_MS", Long.toString(LEASE.toMillis()));
        env.put("SMARTSYNC_RECONCILE_INTERVAL_MS", "1000");
        env.put("SMARTSYNC_OVERLAP_SECONDS", "2");
        env.put("SMARTSYNC_BREAKER_DELAY_MS", "200");
        env.put("SMARTSYNC_OFFLINE_QUEUE_LIMIT", Integer.toString(NOTES * 2));
        env.put("SMARTSYNC_LOG_LEVEL", "WARN");
        return env;
    }

    /** The service processes, which of them are alive, and their instance names. */
    private static final class Instances implements AutoCloseable {
        private final List<ServiceProcess> processes = new ArrayList<>();
        private final AtomicReferenceArray<TestApi> alive;
        private final List<String> ids = new ArrayList<>();

        Instances(int count, java.util.function.IntFunction<ServiceProcess> make) {
            for (int i = 0; i < count; i++) {
                processes.add(make.apply(i));
            }
            alive = new AtomicReferenceArray<>(count);
        }

        void startAll() {
            for (int i = 0; i < processes.size(); i++) {
                processes.get(i).start();
                TestApi api = new TestApi(processes.get(i).port(), KEY);
                alive.set(i, api);
                ids.add(api.get("/health").body().path("instance").asText());
            }
        }

        TestApi api(int i) {
            return alive.get(i);
        }

        Set<String> ids() {
            return Set.copyOf(ids);
        }

        int indexOf(String instance) {
            int i = ids.indexOf(instance);
            assertThat(i).as("the poller is one of the instances").isNotNegative();
            return i;
        }

        void kill(int i) {
            alive.set(i, null);
            processes.get(i).kill();
            ids.set(i, "killed:" + ids.get(i));
        }

        /** The instance whose turn note {@code n} is, or the next one alive. */
        Optional<TestApi> alive(int n) {
            for (int k = 0; k < alive.length(); k++) {
                TestApi api = alive.get((n + k) % alive.length());
                if (api != null) {
                    return Optional.of(api);
                }
            }
            return Optional.empty();
        }

        TestApi survivor() {
            return alive(0).orElseThrow();
        }

        @Override
        public void close() {
            processes.forEach(ServiceProcess::close);
        }
    }
}
