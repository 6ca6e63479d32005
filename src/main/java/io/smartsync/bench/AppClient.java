package io.smartsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the notes page does over HTTP, timed from the caller's side: select a member, write a note, force
 * a full check. Kept-alive connections, as a browser has. Thread-safe.
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
    /** The timed calls and every other exchange with a whole answer. */
    private final LoopbackHttp calls;
    /** The event stream only, whose answer never ends. */
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String base;
    private final String key;

    AppClient(int port, String key) {
        this.calls = new LoopbackHttp(port);
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    Answer select(String member) {
        return send("GET", "/api/client-notes?clientId2=" + member, null);
    }

    /** {@code GET /health/live}: no credentials, no store, no Caspio; the HTTP round trip alone. */
    Answer live() {
        return send("GET", "/health/live", null);
    }

    Answer create(String member, String comments) {
        String body = JSON.createObjectNode()
                .put("clientId2", member)
                .put("comments", comments)
                .toString();
        return send("POST", "/api/client-notes", body);
    }

    /** {@code POST /api/sync/force {}}: a poll and a reconcile of the whole table. */
    Answer forceTable() {
        return send("POST", "/api/sync/force", "{}");
    }

    /** {@code POST /api/sync/preload}: the whole table read into the store in the background (admin). */
    Answer preload() {
        return send("POST", "/api/sync/preload", null);
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
        JsonNode data = parse(
                exchange("GET", "/api/sync-status?clientId2=" + member, null).body());
        return data.path("data").path("initialSyncCompleted").asBoolean();
    }

    private Answer send(String method, String path, String json) {
        long started = System.nanoTime();
        LoopbackHttp.Response r = exchange(method, path, json);
        long nanos = System.nanoTime() - started;
        JsonNode body = parse(r.body());
        JsonNode data = body.path("data");
        return new Answer(
                r.status(),
                data.path("sync").path("type").asText(""),
                data.path("notes").size(),
                nanos,
                body.path("code").asText(""));
    }

    private LoopbackHttp.Response exchange(String method, String path, String json) {
        List<String> headers = new ArrayList<>();
        if (key != null) {
            headers.add("Authorization: Bearer " + key);
        }
        if (json != null) {
            headers.add("Content-Type: application/json");
        }
        try {
            return calls.exchange(
                    method,
                    path,
                    json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                    headers.toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException("call to " + base + " failed: " + e.getMessage(), e);
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
        calls.close();
        http.close();
    }
}
