package io.smartsync.caspio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caspio's record API over {@link HttpClient}. Safe for use from many threads. It never logs a token, a
 * secret or a row's values, and it never retries a write by itself: the caller decides, knowing whether
 * a failure was {@link CaspioException.Kind#AMBIGUOUS}.
 */
public final class CaspioClient {
    private static final Logger log = LoggerFactory.getLogger(CaspioClient.class);
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {};

    private final CaspioConfig config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final TokenCache tokens;

    public CaspioClient(CaspioConfig config, HttpClient http, Clock clock) {
        this.config = config;
        this.http = http;
        this.tokens = new TokenCache(() -> TokenRequest.fetch(config, http, json, clock), clock);
    }

    /** A read: {@code q.where}, {@code q.orderBy} and {@code q.limit} (at most 1000). */
    public List<Map<String, Object>> select(String table, String where, String orderBy, int limit) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q.where", where);
        params.put("q.orderBy", orderBy);
        params.put("q.limit", Integer.toString(limit));
        JsonNode body = call("GET", recordsUrl(table, params), null, false);
        return json.convertValue(body.path("Result"), ROWS);
    }

    /** {@code COUNT(*)} of the rows matching {@code where}. */
    public long count(String table, String where) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q.select", "COUNT(*)");
        params.put("q.where", where);
        JsonNode body = call("GET", recordsUrl(table, params), null, false);
        return body.path("Result").path(0).path("COUNT(*)").asLong();
    }

    /** Creates one row and answers it as Caspio stored it ({@code response=rows}). */
    public Map<String, Object> insert(String table, Map<String, Object> fields) {
        JsonNode body = call("POST", recordsUrl(table, Map.of("response", "rows")), fields, true);
        JsonNode row = body.path("Result").path(0);
        if (!row.isObject()) {
            throw new CaspioException(
                    CaspioException.Kind.AMBIGUOUS,
                    "Caspio created a row in " + table + " but did not return it",
                    201,
                    null,
                    null,
                    null,
                    null);
        }
        return json.convertValue(row, new TypeReference<Map<String, Object>>() {});
    }

    /** Sets {@code fields} on the rows matching {@code where}; answers how many rows it changed. */
    public int update(String table, String where, Map<String, Object> fields) {
        return call("PUT", recordsUrl(table, Map.of("q.where", where)), fields, true)
                .path("RecordsAffected")
                .asInt();
    }

    /** Deletes the rows matching {@code where}; answers how many it deleted. */
    public int delete(String table, String where) {
        return call("DELETE", recordsUrl(table, Map.of("q.where", where)), null, true)
                .path("RecordsAffected")
                .asInt();
    }

    private URI recordsUrl(String table, Map<String, String> params) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                query.add(encode(k) + "=" + encode(v));
            }
        });
        String url = config.restRoot() + "/tables/" + encode(Where.field(table)) + "/records";
        return URI.create(query.length() == 0 ? url : url + "?" + query);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode call(String method, URI uri, Object body, boolean write) {
        String token = tokens.get();
        HttpResponse<String> response = send(method, uri, body, write, token);
        if (response.statusCode() == 401) {
            // One renewal and one retry: a token can lapse or be revoked between calls.
            tokens.invalidate(token);
            response = send(method, uri, body, write, tokens.get());
            if (response.statusCode() == 401) {
                throw Failures.fromResponse(response, json, CaspioException.Kind.AUTH);
            }
        }
        if (response.statusCode() >= 400) {
            throw Failures.fromResponse(response, json, null);
        }
        String text = response.body();
        try {
            return text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CaspioException(
                    write ? CaspioException.Kind.AMBIGUOUS : CaspioException.Kind.TRANSIENT,
                    method + " " + uri.getPath() + ": Caspio answered with a body that is not JSON",
                    response.statusCode(),
                    null,
                    Failures.requestId(response),
                    null,
                    e);
        }
    }

    private HttpResponse<String> send(String method, URI uri, Object body, boolean write, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            log.debug("caspio {} {} -> {}", method, uri.getPath(), response.statusCode());
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaspioException(
                    write ? CaspioException.Kind.AMBIGUOUS : CaspioException.Kind.TRANSIENT,
                    method + " " + uri.getPath() + ": interrupted",
                    0,
                    null,
                    null,
                    null,
                    e);
        } catch (IOException e) {
            boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
            CaspioException.Kind kind =
                    write && !neverSent ? CaspioException.Kind.AMBIGUOUS : CaspioException.Kind.TRANSIENT;
            throw new CaspioException(
                    kind,
                    method + " " + uri.getPath() + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    0,
                    null,
                    null,
                    null,
                    e);
        }
    }
}
