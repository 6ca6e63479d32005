package io.smartsync.bench;

import io.smartsync.cli.ServeProcess;
import io.smartsync.store.Store;
import io.smartsync.store.SyncRun;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The service as production runs it: {@code smartsync serve} in its own JVM with its own heap limit, so
 * its heap and RSS are its own. Its GC log gives the peak heap; {@code /proc} gives the peak RSS.
 */
final class ServiceJvm implements AutoCloseable {
    private final ServeProcess process;
    private final Path dir;
    private OptionalLong peakRss = OptionalLong.empty();

    private ServiceJvm(ServeProcess process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /**
     * The service with the workload's heap and intervals (poll, table reconcile, member check, lease, and
     * push concurrency when given), on its own SQLite file unless {@code extra} names another store.
     *
     * @param extra more settings, e.g. {@code SMARTSYNC_DB}
     */
    static ServiceJvm start(Path dir, URI caspio, Workload w, Map<String, String> extra) {
        String key = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Map<String, String> env = ServeProcess.demoAccount(caspio, dir.resolve("data"), key);
        env.put(
                "SMARTSYNC_AUTO_SYNC_INTERVAL_MS",
                Long.toString(w.pollInterval().toMillis()));
        env.put(
                "SMARTSYNC_TABLE_RECONCILE_INTERVAL_MS",
                Long.toString(w.reconcileInterval().toMillis()));
        env.put("SMARTSYNC_RECONCILE_INTERVAL_MS", Long.toString(w.memberCheck().toMillis()));
        env.put("SMARTSYNC_PUSH_LEASE_MS", Long.toString(w.pushLease().toMillis()));
        if (w.pushConcurrency() > 0) {
            env.put("SMARTSYNC_PUSH_CONCURRENCY", Integer.toString(w.pushConcurrency()));
        }
        env.putAll(extra);
        // The log is new each run: its first lines are this run's.
        try {
            Files.deleteIfExists(dir.resolve("service.log"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot clear " + dir.resolve("service.log") + ": " + e.getMessage(), e);
        }
        ServeProcess process = new ServeProcess(
                env,
                dir.resolve("service.log"),
                List.of("-Xmx" + w.serviceHeap(), "-Xlog:gc,gc+exit:file=" + dir.resolve("gc.log")));
        return new ServiceJvm(process.start(), dir);
    }

    int port() {
        return process.port();
    }

    String key() {
        return process.key();
    }

    /**
     * Stops the service the way an operator does (SIGTERM), after reading its peak RSS, which is gone
     * with the process.
     */
    void stop() {
        if (!process.alive()) {
            return;
        }
        peakRss = Memory.peakRss(process.pid().orElseThrow());
        process.stop(Duration.ofSeconds(60));
    }

    /** The service's peak resident set (VmHWM), once stopped; empty where /proc is missing. */
    OptionalLong peakRss() {
        return peakRss;
    }

    /** Heap figures from the GC log, once stopped. */
    Memory.Heap heap() {
        return Memory.heapFromGcLog(dir.resolve("gc.log"));
    }

    /** Every sync run the service recorded with its cost, newest first; read once it has stopped. */
    List<SyncRun> history() {
        try (Store store = Store.openSqlite(dir.resolve("data").resolve("smartsync.db"), Clock.systemUTC())) {
            return store.history().recentRuns(Integer.MAX_VALUE);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
