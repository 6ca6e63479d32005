package io.smartsync.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A caller of the service for tests: any method, headers and raw body, over real HTTP; keeps the answer's
 * status, headers and text, and reads the text as JSON when it is.
 */
final class Caller {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, HttpResponseHeaders headers, String text) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new AssertionError("the answer is not JSON: " + text, e);
            }
        }

        JsonNode data() {
            return json().path("data");
        }

        Optional<String> header(String name) {
            return headers.value(name);
        }
    }

    /** The answer's headers, looked up case-insensitively. */
    record HttpResponseHeaders(java.net.http.HttpHeaders raw) {
        Optional<String> value(String name) {
            return raw.firstValue(name);
        }
    }

    private final HttpClient http;
    private final String base;
    private final Map<String, String> headers;

    Caller(HttpClient http, String base, Map<String, String> headers) {
        this.http = http;
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    static Caller anonymous(int port) {
        return new Caller(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                "http://127.0.0.1:" + port,
                Map.of());
    }

    Caller withKey(String key) {
        return with("Authorization", "Bearer " + key);
    }

    Caller with(String header, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(header, value);
        return new Caller(http, base, h);
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    /** {@code body}: null for none, a String as it is, anything else as JSON. */
    Answer send(String method, String path, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(text(body)));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), new HttpResponseHeaders(r.headers()), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
