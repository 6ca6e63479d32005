package io.smartsync.cli.bench;

import io.smartsync.store.JdbcStore;
import io.smartsync.store.LocalStore;
import io.smartsync.store.SyncRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The service as production runs it: {@code smartsync serve} in its own JVM with its own heap limit, so
 * its heap and RSS are its own. Its GC log gives the peak heap; {@code /proc} gives the peak RSS.
 */
final class ServiceJvm implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;
    private final String key;
    private OptionalLong peakRss = OptionalLong.empty();

    private ServiceJvm(Process process, Path dir, int port, String key) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.key = key;
    }

    /**
     * @param poll the global poll's interval
     * @param reconcile the table reconcile's interval
     * @param memberCheck how often the members stored here are checked for deletes
     * @param lease how long a claimed outbox entry stays claimed
     */
    static ServiceJvm start(
            Path dir,
            URI caspio,
            String heap,
            Duration poll,
            Duration reconcile,
            Duration memberCheck,
            Duration lease) {
        int port = freePort();
        String key = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx" + heap,
                "-Xlog:gc,gc+exit:file=" + dir.resolve("gc.log"),
                "-cp",
                System.getProperty("java.class.path"),
                "io.smartsync.cli.Main",
                "serve");
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SMARTSYNC_") || k.startsWith("CASPIO_"));
        env.put("CASPIO_BASE_URL", caspio.toString());
        env.put("CASPIO_CLIENT_ID", "demo");
        env.put("CASPIO_CLIENT_SECRET", "demo-secret");
        env.put("SMARTSYNC_DATA_DIR", dir.resolve("data").toString());
        env.put("SMARTSYNC_HOST", "127.0.0.1");
        env.put("SMARTSYNC_PORT", Integer.toString(port));
        env.put("SMARTSYNC_API_KEY", key);
        env.put("SMARTSYNC_AUTO_SYNC_INTERVAL_MS", Long.toString(poll.toMillis()));
        env.put("SMARTSYNC_TABLE_RECONCILE_INTERVAL_MS", Long.toString(reconcile.toMillis()));
        env.put("SMARTSYNC_RECONCILE_INTERVAL_MS", Long.toString(memberCheck.toMillis()));
        env.put("SMARTSYNC_PUSH_LEASE_MS", Long.toString(lease.toMillis()));
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the service: " + e.getMessage(), e);
        }
        ServiceJvm jvm = new ServiceJvm(process, dir, port, key);
        jvm.awaitHealthy();
        return jvm;
    }

    /** Ready once an authenticated call is answered: `serve` registers the admin key after it listens. */
    private void awaitHealthy() {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sync/metrics"))
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "the service exited with " + process.exitValue() + "; see " + dir.resolve("service.log"));
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        throw new IllegalStateException(
                "the service did not become healthy in 90 s; see " + dir.resolve("service.log"));
    }

    int port() {
        return port;
    }

    String key() {
        return key;
    }

    /**
     * Stops the service the way an operator does (SIGTERM), after reading its peak RSS, which is gone
     * with the process.
     */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        peakRss = Memory.peakRss(process.pid());
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        try (LocalStore store = JdbcStore.openSqlite(dir.resolve("data").resolve("smartsync.db"), Clock.systemUTC())) {
            return store.recentRuns(Integer.MAX_VALUE);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port: " + e.getMessage(), e);
        }
    }
}
