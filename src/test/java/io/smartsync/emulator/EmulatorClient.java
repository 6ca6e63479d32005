package io.smartsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain HTTP calls to an emulator, the way a Caspio client makes them. */
final class EmulatorClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String V2 = "/rest/v2/tables/" + CaspioEmulator.NOTES_TABLE;
    static final String V3 = "/integrations/rest/v3/tables/" + CaspioEmulator.NOTES_TABLE;

    record Answer(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String requestId() {
            return header("x-caspio-request-id");
        }

        /** The first value of a header, or "" when absent; names ignore case. */
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse("");
        }

        List<JsonNode> result() {
            List<JsonNode> rows = new ArrayList<>();
            json().get("Result").forEach(rows::add);
            return rows;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private String token;

    EmulatorClient(CaspioEmulator emulator) {
        this.base = emulator.baseUri();
    }

    EmulatorClient login(String id, String secret) {
        Answer answer = tokenRequest(
                "grant_type=client_credentials&client_id=" + enc(id) + "&client_secret=" + enc(secret), null);
        if (answer.status() != 200) {
            throw new IllegalStateException("login failed: " + answer);
        }
        token = answer.json().get("access_token").asText();
        return this;
    }

    String token() {
        return token;
    }

    /** A call to the emulator's own {@code /_emulator} routes: no token. */
    Answer admin(String method, String path, String jsonBody) {
        return callWith(null, method, path, jsonBody);
    }

    Answer tokenRequest(String form, String basicAuth) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (basicAuth != null) {
            request.header("Authorization", basicAuth);
        }
        return send(request.build());
    }

    /** {@code params} are name, value pairs, URL-encoded here. */
    Answer get(String path, String... params) {
        return call("GET", path, null, params);
    }

    Answer call(String method, String path, String jsonBody, String... params) {
        return callWith("Bearer " + token, method, path, jsonBody, params);
    }

    Answer callWith(String authorization, String method, String path, String jsonBody, String... params) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, params))
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    URI uri(String path, String... params) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            query.append(i == 0 ? "?" : "&").append(enc(params[i])).append('=').append(enc(params[i + 1]));
        }
        return base.resolve(path + query);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
