package io.smartsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.note.Author;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.OutboxAction;
import io.smartsync.store.Store;
import io.smartsync.store.StoreLocation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench-scaleout",
        header = "Measures 1 and 3 serve instances sharing PostgreSQL.",
        mixinStandardHelpOptions = true,
        description = {
            "Push and read throughput of 1 and of 3 `serve` instances sharing one PostgreSQL store, against the",
            "emulator with a fixed latency per call. Push: a backlog written to the store is pushed by every",
            "instance at once (POST /api/sync/process on each); read: member reads through the API, spread over",
            "the instances, of members the global poll keeps fresh. Each run uses a fresh schema, dropped after."
        })
public final class ScaleOutBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--db",
            defaultValue = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
            description = "The PostgreSQL server (default ${DEFAULT-VALUE}); a schema of its own per run.")
    String db;

    @Option(names = "--instances", defaultValue = "1,3", split = ",", description = "Runs (default ${DEFAULT-VALUE}).")
    List<Integer> instances;

    @Option(names = "--notes", defaultValue = "2000", description = "Backlog to push (default ${DEFAULT-VALUE}).")
    int notes;

    @Option(names = "--members", defaultValue = "50", description = "Members in the table (default ${DEFAULT-VALUE}).")
    int members;

    @Option(
            names = "--read-seconds",
            defaultValue = "15",
            description = "How long reads run (default ${DEFAULT-VALUE}).")
    int readSeconds;

    @Option(
            names = "--readers",
            defaultValue = "16",
            description = "Concurrent API readers (default ${DEFAULT-VALUE}).")
    int readers;

    @Option(
            names = "--latency",
            defaultValue = "50ms",
            description = "Every Caspio call waits this long (default ${DEFAULT-VALUE}).")
    String latency;

    @Option(names = "--dir", defaultValue = "bench-scaleout", description = "Logs go here (default ${DEFAULT-VALUE}).")
    Path dir;

    record Result(int instances, int notes, double pushSeconds, long reads, long cached, double readSeconds) {
        double pushPerSecond() {
            return notes / pushSeconds;
        }

        double readsPerSecond() {
            return reads / readSeconds;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Result> results = new ArrayList<>();
        for (int n : instances) {
            Result r = run(n, out);
            results.add(r);
            out.printf(
                    Locale.ROOT,
                    "%d instance(s): push %.0f notes/s (%d notes in %.1f s), reads %.0f/s (%d in %.0f s, %d answered"
                            + " from the store without a Caspio call)%n",
                    n,
                    r.pushPerSecond(),
                    r.notes(),
                    r.pushSeconds(),
                    r.readsPerSecond(),
                    r.reads(),
                    r.readSeconds(),
                    r.cached());
            out.flush();
        }
        out.println();
        out.println("| instances | push (notes/s reaching Caspio) | reads (member reads/s through the API) |");
        out.println("|---|---|---|");
        for (Result r : results) {
            out.printf(Locale.ROOT, "| %d | %.0f | %.0f |%n", r.instances(), r.pushPerSecond(), r.readsPerSecond());
        }
        out.printf(
                Locale.ROOT,
                "%nlatency %s per Caspio call, %d-note backlog, %d members, %d readers for %d s, %d cores%n",
                latency,
                notes,
                members,
                readers,
                readSeconds,
                Runtime.getRuntime().availableProcessors());
        out.flush();
        return 0;
    }

    private Result run(int n, PrintWriter out) throws Exception {
        String schema = "bench_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE SCHEMA " + schema);
        String url = db + (db.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Path runDir = dir.resolve(n + "-instances");
        Files.createDirectories(runDir);
        String key = UUID.randomUUID().toString();
        Duration interval = Duration.ofMinutes(10); // no timer wakes a pusher: the bench says when
        List<ScaleOutInstance> running = new ArrayList<>();
        try (CaspioEmulator emulator = CaspioEmulator.start(EmulatorConfig.defaults(runDir.resolve("emulator"))
                        .withPort(0)
                        .withMembers(members)
                        .withFaults(FaultConfig.parse("latency=" + latency)));
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                running.add(ScaleOutInstance.spawn(
                        runDir.resolve("instance-" + i), emulator.baseUri(), url, key, interval));
            }
            running.forEach(ScaleOutInstance::awaitHealthy);
            List<String> ids = memberIds();
            all(pool, ids.size(), i -> running.get(i % n).get("/api/client-notes?clientId2=" + ids.get(i)));
            out.printf("%d instance(s): %d members synced; pushing %d notes%n", n, ids.size(), notes);
            out.flush();

            int before = emulator.rows(CaspioEmulator.NOTES_TABLE).size();
            backlog(url, ids);
            long t0 = System.nanoTime();
            all(pool, n, i -> running.get(i).json("POST", "/api/sync/process", "{}"));
            double pushSeconds = (System.nanoTime() - t0) / 1e9;
            int reached = emulator.rows(CaspioEmulator.NOTES_TABLE).size() - before;
            if (reached != notes) {
                throw new IllegalStateException(reached + " of " + notes + " notes reached Caspio");
            }

            running.getFirst().json("POST", "/api/sync/force", "{}"); // a fresh poll: reads are answered locally
            AtomicLong reads = new AtomicLong();
            AtomicLong cached = new AtomicLong();
            long readStart = System.nanoTime();
            long readEnd = readStart + Duration.ofSeconds(readSeconds).toNanos();
            all(pool, readers, r -> {
                for (int i = r; System.nanoTime() < readEnd; i += readers) {
                    JsonNode a = running.get(i % n)
                            .json("GET", "/api/client-notes?clientId2=" + ids.get(i % ids.size()), null);
                    if (a.path("success").asBoolean()) {
                        reads.incrementAndGet();
                        if (a.path("data").path("sync").path("type").asText().equals("cached")) {
                            cached.incrementAndGet();
                        }
                    }
                }
                return null;
            });
            return new Result(n, notes, pushSeconds, reads.get(), cached.get(), (System.nanoTime() - readStart) / 1e9);
        } finally {
            running.forEach(ScaleOutInstance::close);
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private List<String> memberIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= members; i++) {
            ids.add(String.format(Locale.ROOT, "CL%06d", i));
        }
        return ids;
    }

    /** The backlog goes straight into the shared store, so no instance is woken before the bench says. */
    private void backlog(String url, List<String> ids) {
        try (Store store = Store.open(StoreLocation.postgres(url), Clock.systemUTC())) {
            for (int i = 0; i < notes; i++) {
                Note note = Note.written(
                        UUID.randomUUID().toString(),
                        MemberId.of(ids.get(i % ids.size())),
                        NoteContent.of("scale-out bench note " + i),
                        new Author("bench", "Bench"),
                        Instant.now());
                store.notes().writeLocal(note, OutboxAction.CREATE, Integer.MAX_VALUE);
            }
        }
    }

    @FunctionalInterface
    private interface Task {
        Object run(int i) throws Exception;
    }

    private static void all(ExecutorService pool, int count, Task task) throws InterruptedException {
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int k = i;
            futures.add(pool.submit(() -> task.run(k)));
        }
        for (Future<Object> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
