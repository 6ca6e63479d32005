package io.smartsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartsync.cli.ServeProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One {@code smartsync serve} JVM of a scale-out run, on the shared PostgreSQL store. */
final class ScaleOutInstance implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServeProcess process;
    private final HttpClient http = HttpClient.newHttpClient();

    private ScaleOutInstance(ServeProcess process) {
        this.process = process;
    }

    /** Starts the JVM; {@link #awaitHealthy()} waits for it to answer. */
    static ScaleOutInstance spawn(Path dir, URI caspio, String storeUrl, String key, Duration interval) {
        Map<String, String> env = ServeProcess.demoAccount(caspio, dir.resolve("data"), key);
        env.put("SMARTSYNC_DB", storeUrl);
        env.put("SMARTSYNC_AUTO_SYNC_INTERVAL_MS", Long.toString(interval.toMillis()));
        env.put(
                "SMARTSYNC_RECONCILE_INTERVAL_MS",
                Long.toString(interval.multipliedBy(10).toMillis()));
        env.put("SMARTSYNC_OFFLINE_QUEUE_LIMIT", "1000000");
        env.put("SMARTSYNC_LOG_LEVEL", "WARN");
        return new ScaleOutInstance(new ServeProcess(env, dir.resolve("service.log"), List.of("-Xmx256m")).spawn());
    }

    void awaitHealthy() {
        process.awaitReady();
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
        HttpRequest.Builder b = HttpRequest.newBuilder(process.baseUri().resolve(path))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + process.key())
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
        process.stop(Duration.ofSeconds(30));
        http.close();
    }
}
