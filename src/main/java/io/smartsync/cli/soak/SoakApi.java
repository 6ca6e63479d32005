package io.smartsync.cli.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The service's HTTP API as the app calls it, with one key. Thread-safe. */
final class SoakApi implements AutoCloseable {
    record Answer(int status, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String key;

    SoakApi(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(json(body)));
    }

    Answer put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(json(body)));
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a request body: " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key);
    }

    /** A call the service did not answer (it was killed under it, say) is status 0. */
    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
        } catch (IOException e) {
            return new Answer(0, JSON.nullNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + base, e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
