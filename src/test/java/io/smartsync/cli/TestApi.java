package io.smartsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A caller of the service's HTTP API for tests: real HTTP, JSON answers. */
final class TestApi {
    record Answer(int status, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String key;

    TestApi(int port, String key) {
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    TestApi withKey(String otherKey) {
        return new TestApi(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherKey);
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, Object body) {
        try {
            return send(request(path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            body instanceof String s ? s : JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer put(String path, Object body) {
        return put(path, body, null);
    }

    /** A PUT sent with {@code If-Match: ifMatch} (none when null). */
    Answer put(String path, Object body, String ifMatch) {
        try {
            return send(ifMatch(request(path), ifMatch)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer delete(String path) {
        return delete(path, null);
    }

    /** A DELETE sent with {@code If-Match: ifMatch} (none when null). */
    Answer delete(String path, String ifMatch) {
        return send(ifMatch(request(path), ifMatch).DELETE());
    }

    private static HttpRequest.Builder ifMatch(HttpRequest.Builder b, String ifMatch) {
        return ifMatch == null ? b : b.header("If-Match", ifMatch);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
