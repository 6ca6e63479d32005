package io.smartsync.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the notes page does over HTTP, timed from the caller's side: select a member, write a note, force
 * a full check. One keep-alive client per app, as a browser has. Thread-safe.
 */
final class AppClient implements AutoCloseable {
    /**
     * @param type the answer's {@code data.sync.type} (initial, incremental, cached, stale, traditional)
     * @param nanos from sending the request to having read the whole answer
     * @param error the error code of a failed answer ({@code code}), else empty
     */
    record Answer(int status, String type, int notes, long nanos, String error) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String key;

    AppClient(int port, String key) {
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    Answer select(String member) {
        return send(request("/api/client-notes?clientId2=" + member).GET());
    }

    Answer create(String member, String comments) {
        String body = JSON.createObjectNode()
                .put("clientId2", member)
                .put("comments", comments)
                .toString();
        return send(request("/api/client-notes")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** {@code POST /api/sync/force {}}: a poll and a reconcile of the whole table. */
    Answer forceTable() {
        return send(request("/api/sync/force")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    /** {@code POST /api/sync/preload}: the whole table read into the store in the background (admin). */
    Answer preload() {
        return send(request("/api/sync/preload").POST(HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * The service's server-sent events from now on, line by line ({@code GET /api/sync/events}), once the
     * stream is open; closing the stream ends the subscription.
     */
    Stream<String> events() {
        HttpRequest.Builder events = HttpRequest.newBuilder(URI.create(base + "/api/sync/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + key)
                .GET();
        try {
            HttpResponse<Stream<String>> r = http.send(events.build(), HttpResponse.BodyHandlers.ofLines());
            if (r.statusCode() != 200) {
                r.body().close();
                throw new IllegalStateException("GET /api/sync/events answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("call to " + base + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling " + base, e);
        }
    }

    /** True once the member's initial sync has finished (for answers that came back stale). */
    boolean initialSyncDone(String member) {
        JsonNode data = body(request("/api/sync-status?clientId2=" + member).GET());
        return data.path("data").path("initialSyncCompleted").asBoolean();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(15));
        return key == null ? b : b.header("Authorization", "Bearer " + key);
    }

    private Answer send(HttpRequest.Builder request) {
        long started = System.nanoTime();
        HttpResponse<byte[]> r = exchange(request);
        long nanos = System.nanoTime() - started;
        JsonNode body = parse(r.body());
        JsonNode data = body.path("data");
        return new Answer(
                r.statusCode(),
                data.path("sync").path("type").asText(""),
                data.path("notes").size(),
                nanos,
                body.path("code").asText(""));
    }

    private JsonNode body(HttpRequest.Builder request) {
        return parse(exchange(request).body());
    }

    private HttpResponse<byte[]> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("call to " + base + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling " + base, e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.valueToTree(Map.of());
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
