package io.smartsync.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code smartsync serve} in a JVM of its own, as production runs it: the one way the benchmark, the soak
 * command and the tests start a service they can SIGKILL and start again (on the same port, store and
 * settings). The child gets only the {@code SMARTSYNC_*} and {@code CASPIO_*} settings given here, never
 * those of this process. Not thread-safe: one owner starts and stops it.
 */
public final class ServeProcess implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private final int port;
    private final String key;
    private Process process;

    /**
     * @param env the service's settings; {@code SMARTSYNC_PORT} is chosen here, and {@code SMARTSYNC_API_KEY}
     *     (required) is the key {@link #start()} waits to be accepted
     * @param log where the service's output goes (appended across restarts)
     * @param jvmFlags flags of the child JVM, such as {@code -Xmx256m}
     */
    public ServeProcess(Map<String, String> env, Path log, List<String> jvmFlags) {
        this(env, log, jvmFlags, List.of());
    }

    /** As above, with {@code serveArgs} after {@code serve} (such as {@code --config FILE}). */
    public ServeProcess(Map<String, String> env, Path log, List<String> jvmFlags, List<String> serveArgs) {
        this.key = env.get("SMARTSYNC_API_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("serve process: SMARTSYNC_API_KEY is required to tell when it is ready");
        }
        this.port = freePort();
        this.env = new HashMap<>(env);
        this.env.put("SMARTSYNC_PORT", Integer.toString(port));
        this.env.putIfAbsent("SMARTSYNC_HOST", "127.0.0.1");
        this.log = log;
        this.command = java(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
        command.addAll(serveArgs);
    }

    /**
     * The settings of a service against an emulator's demo account ({@code demo}, {@code demo-secret}):
     * Caspio's address, the data directory and the admin key, in a map to add more settings to.
     */
    public static Map<String, String> demoAccount(URI caspio, Path dataDir, String key) {
        Map<String, String> env = new HashMap<>();
        env.put("CASPIO_BASE_URL", caspio.toString());
        env.put("CASPIO_CLIENT_ID", "demo");
        env.put("CASPIO_CLIENT_SECRET", "demo-secret");
        env.put("SMARTSYNC_DATA_DIR", dataDir.toString());
        env.put("SMARTSYNC_API_KEY", key);
        return env;
    }

    /**
     * The start of a command line for a JVM of the service: this JVM's own {@code java}, native access for
     * sqlite-jdbc (the jar's manifest grants it; {@code -cp} needs the flag), then {@code jvmFlags}.
     */
    public static List<String> java(List<String> jvmFlags) {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.add("--enable-native-access=ALL-UNNAMED");
        line.addAll(jvmFlags);
        return line;
    }

    /**
     * The service JVMs this JVM started and that still run: stopped with it (a soak or a test stopped with
     * Ctrl-C or SIGTERM leaves no service behind; a SIGKILL of this JVM still does).
     */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "stop-services"));
    }

    public int port() {
        return port;
    }

    public String key() {
        return key;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** The running JVM's process id; empty when it is not running. */
    public java.util.OptionalLong pid() {
        return alive() ? java.util.OptionalLong.of(process.pid()) : java.util.OptionalLong.empty();
    }

    /** Starts the JVM and waits until it answers an authenticated call (the key is registered after it listens). */
    public ServeProcess start() {
        spawn();
        awaitReady();
        return this;
    }

    /** Starts the JVM without waiting; {@link #awaitReady()} waits. */
    public ServeProcess spawn() {
        if (alive()) {
            throw new IllegalStateException("serve process on port " + port + " is already running");
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("SMARTSYNC_") || k.startsWith("CASPIO_"));
        pb.environment().putAll(env);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = pb.start();
            Process started = process;
            RUNNING.add(started);
            started.onExit().thenRun(() -> RUNNING.remove(started));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the service: " + e.getMessage(), e);
        }
        return this;
    }

    public void awaitReady() {
        HttpRequest probe = HttpRequest.newBuilder(baseUri().resolve("/api/sync/metrics"))
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "the service exited with " + process.exitValue() + "; " + log + " ends:\n" + lastLines(5));
                }
                try {
                    if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the service on port " + port, e);
        }
        kill();
        throw new IllegalStateException(
                "the service did not become ready in " + READY_WITHIN.toSeconds() + " s; see " + log);
    }

    /** SIGKILL: no shutdown hook runs, whatever was in flight is cut. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
    }

    /** SIGTERM, as an operator stops it: the shutdown hook stops it cleanly; SIGKILL after {@code grace}. */
    public void stop(Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(grace)) {
            kill();
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    /** The log's last {@code n} lines (the service's reason for a failed start), or why they cannot be read. */
    private String lastLines(int n) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * A port free on this machine now, for a child process to listen on a moment later. It is drawn below
     * Linux's range of ephemeral ports (32768 and up), where the OS takes local ports for outgoing
     * connections: a port it picked (port 0) could be taken by any process's next connection before the
     * child binds it, which many tests running side by side make likely. Another process may still take it.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket s = new ServerSocket(candidate)) {
                return s.getLocalPort();
            } catch (IOException e) {
                // taken: draw again
            }
        }
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port: " + e.getMessage(), e);
        }
    }
}
