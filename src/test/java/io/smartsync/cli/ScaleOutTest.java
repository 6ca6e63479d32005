package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.note.MemberId;
import io.smartsync.store.Store;
import io.smartsync.store.StoreKind;
import io.smartsync.store.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out (DESIGN.md): three `serve` processes share one PostgreSQL store and one Caspio (the emulator,
 * faults on, its {@code Sync_ID} not unique, so only the service's own look-up can prevent a duplicate).
 * Notes written through all three reach Caspio exactly once even though the instance that runs the global
 * poll is killed with SIGKILL half-way through; the poller role moves to a surviving instance within the
 * lease time, and the entries the dead instance had claimed are pushed by the others once their lease runs
 * out. Nothing is parked, no {@code retry-failed} or {@code process} call helps: the push loops alone drain
 * the queue, and the store, read directly once the instances stop, equals Caspio.
 */
class ScaleOutTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;
    private static final String KEY = "scale-out-test-admin-key";
    private static final int NOTES = Integer.getInteger("scaleout.notes", 600);
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final List<String> MEMBERS = List.of("CL000001", "CL000002", "CL000003", "CL000004");

    @TempDir
    Path dir;

    @Test
    void three_instances_push_every_note_once_while_the_poller_is_killed_and_its_role_moves() throws Exception {
        try (TestDatabase db = TestDatabase.create(StoreKind.POSTGRES, dir);
                CaspioEmulator emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                        .withPort(0)
                        .withMembers(MEMBERS.size())
                        .withNotesPerMember(0)
                        .withSyncIdUnique(false));
                Instances instances = new Instances(
                        3,
                        i -> new ServeProcess(
                                env(emulator, db, dir.resolve("instance-" + i)),
                                dir.resolve("instance-" + i + ".log"),
                                List.of("-Xmx256m")))) {
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

            // The faults stop; the push loops alone drain the queue (/health reads the store, it syncs nothing).
            emulator.faults(FaultConfig.NONE);
            TestApi api = instances.survivor();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> api.get("/health")
                                    .body()
                                    .path("checks")
                                    .path("queue")
                                    .path("pending")
                                    .asInt(-1)
                            == 0);
            instances.stopAll();

            try (Store store = db.open(Clock.systemUTC())) {
                assertThat(store.outbox().failed())
                        .as("entries parked (no retry-failed was called)")
                        .isEmpty();
                assertThat(store.outbox().pending()).as("entries still queued").isEmpty();
                List<Map<String, Object>> rows = emulator.rows(TABLE);
                Map<String, Long> bySyncId = new HashMap<>();
                Map<String, Long> byContent = new HashMap<>();
                for (Map<String, Object> row : rows) {
                    Object id = row.get("Sync_ID");
                    if (id != null && !id.toString().isEmpty()) {
                        bySyncId.merge(id.toString(), 1L, Long::sum);
                    }
                    byContent.merge(
                            row.get("Client_ID2") + "|" + row.get("Comments") + "|" + row.get("User_ID"),
                            1L,
                            Long::sum);
                }
                long duplicatesBySyncId = extra(bySyncId);
                long duplicatesByContent = extra(byContent);
                long lost = accepted.keySet().stream()
                        .filter(id -> !bySyncId.containsKey(id))
                        .count();
                int differing = 0;
                for (String member : MEMBERS) {
                    Map<String, String> local = new TreeMap<>();
                    store.notes().notes(MemberId.of(member)).forEach(n -> local.put(n.noteId(), n.comments()));
                    Map<String, String> caspio = new TreeMap<>();
                    rows.stream()
                            .filter(r -> member.equals(r.get("Client_ID2")))
                            .forEach(r ->
                                    caspio.put(String.valueOf(r.get("Sync_ID")), String.valueOf(r.get("Comments"))));
                    if (!local.equals(caspio)) {
                        differing++;
                        System.out.println("scale-out: member " + member + " differs: " + local.size() + " stored, "
                                + caspio.size() + " in Caspio");
                    }
                }
                System.out.printf(
                        "scale-out: %d notes accepted (%d writes cut by the kill), %d rows in Caspio, duplicates by"
                                + " sync id=%d, by content=%d, lost=%d, members differing=%d%n",
                        accepted.size(),
                        refused.get(),
                        rows.size(),
                        duplicatesBySyncId,
                        duplicatesByContent,
                        lost,
                        differing);
                assertThat(accepted.size() + refused.get()).isEqualTo(NOTES);
                assertThat(duplicatesBySyncId)
                        .as("notes Caspio holds twice by sync id")
                        .isZero();
                assertThat(duplicatesByContent)
                        .as("notes Caspio holds twice by (member, comments, author)")
                        .isZero();
                assertThat(lost).as("accepted notes missing from Caspio").isZero();
                assertThat(differing)
                        .as("members whose stored notes differ from Caspio")
                        .isZero();
            }
        }
    }

    private static long extra(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(c -> c - 1).sum();
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
        Map<String, String> env = ServeProcess.demoAccount(emulator.baseUri(), dataDir, KEY);
        env.put("SMARTSYNC_DB", db.location().postgresUrl());
        env.put("SMARTSYNC_AUTO_SYNC_INTERVAL_MS", "200");
        env.put("SMARTSYNC_RETRY_DELAY_MS", "5");
        env.put("SMARTSYNC_MAX_RETRY_ATTEMPTS", "2");
        env.put("SMARTSYNC_MAX_RETRY_DELAY_MS", "20");
        env.put("SMARTSYNC_SYNC_TIMEOUT_MS", "1000"); // below the lease: no push outlives it
        env.put("SMARTSYNC_PUSH_LEASE_MS", Long.toString(LEASE.toMillis()));
        env.put("SMARTSYNC_RECONCILE_INTERVAL_MS", "1000");
        env.put("SMARTSYNC_OVERLAP_SECONDS", "2");
        env.put("SMARTSYNC_BREAKER_DELAY_MS", "200");
        env.put("SMARTSYNC_OFFLINE_QUEUE_LIMIT", Integer.toString(NOTES * 2));
        env.put("SMARTSYNC_TABLE_RECONCILE_INTERVAL_MS", "2000");
        env.put("SMARTSYNC_LOG_LEVEL", "WARN");
        return env;
    }

    /** The service processes, which of them are alive, and their instance names. */
    private static final class Instances implements AutoCloseable {
        private final List<ServeProcess> processes = new ArrayList<>();
        private final AtomicReferenceArray<TestApi> alive;
        private final List<String> ids = new ArrayList<>();

        Instances(int count, java.util.function.IntFunction<ServeProcess> make) {
            for (int i = 0; i < count; i++) {
                processes.add(make.apply(i));
            }
            alive = new AtomicReferenceArray<>(count);
        }

        void startAll() {
            processes.forEach(ServeProcess::spawn);
            for (int i = 0; i < processes.size(); i++) {
                processes.get(i).awaitReady();
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

        /** SIGTERM to each, so that the store can be read as they left it. */
        void stopAll() {
            processes.forEach(ServeProcess::close);
        }

        @Override
        public void close() {
            stopAll();
        }
    }
}
