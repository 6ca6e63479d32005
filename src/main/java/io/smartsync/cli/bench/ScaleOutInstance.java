package io.smartsync.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One {@code smartsync serve} JVM of a scale-out run, on the shared PostgreSQL store. */
final class ScaleOutInstance implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final Path dir;
    private final int port;
    private final String key;
    private final HttpClient http = HttpClient.newHttpClient();

    private ScaleOutInstance(Process process, Path dir, int port, String key) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.key = key;
    }

    /** Starts the JVM; {@link #awaitHealthy()} waits for it to answer. */
    static ScaleOutInstance spawn(Path dir, URI caspio, String storeUrl, String key, Duration interval) {
        int port = freePort();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.smartsync.cli.Main",
                "serve");
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SMARTSYNC_") || k.startsWith("CASPIO_"));
        env.put("CASPIO_BASE_URL", caspio.toString());
        env.put("CASPIO_CLIENT_ID", "demo");
        env.put("CASPIO_CLIENT_SECRET", "demo-secret");
        env.put("SMARTSYNC_DB", storeUrl);
        env.put("SMARTSYNC_DATA_DIR", dir.resolve("data").toString());
        env.put("SMARTSYNC_PORT", Integer.toString(port));
        env.put("SMARTSYNC_API_KEY", key);
        env.put("SMARTSYNC_AUTO_SYNC_INTERVAL_MS", Long.toString(interval.toMillis()));
        env.put(
                "SMARTSYNC_RECONCILE_INTERVAL_MS",
                Long.toString(interval.multipliedBy(10).toMillis()));
        env.put("SMARTSYNC_OFFLINE_QUEUE_LIMIT", "1000000");
        env.put("SMARTSYNC_LOG_LEVEL", "WARN");
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
        try {
            return new ScaleOutInstance(pb.start(), dir, port, key);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the service: " + e.getMessage(), e);
        }
    }

    void awaitHealthy() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the service exited with " + process.exitValue() + "; see " + dir.resolve("service.log"));
            }
            try {
                if (send("GET", "/health", null).statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException e) {
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(
                "the service did not become healthy in 90 s; see " + dir.resolve("service.log"));
    }

    /** Answers the status; the body is read and dropped, as a client would. */
    int get(String path) {
        return send("GET", path, null).statusCode();
    }

    JsonNode json(String method, String path, String body) {
        try {
            return JSON.readTree(send(method, path, body).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port: " + e.getMessage(), e);
        }
    }
}
