package io.smartsync.caspio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP exchange with Caspio: the bearer token (renewed once on a 401), the JSON body, and the
 * classification of every failure. No retries here; see {@link Resilience}. Thread-safe.
 */
final class Transport {
    private static final Logger log = LoggerFactory.getLogger(Transport.class);
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

    private final CaspioConfig config;
    private final HttpClient http;
    private final ObjectMapper json;
    private final TokenCache tokens;
    private final CaspioMeters meters;
    private final Clock clock;
    private volatile Duration clockOffset = Duration.ZERO;

    Transport(CaspioConfig config, HttpClient http, ObjectMapper json, Clock clock, CaspioMeters meters) {
        this.config = config;
        this.http = http;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.tokens = new TokenCache(() -> TokenRequest.fetch(config, http, json, clock, meters), clock);
    }

    /** The JSON body of an answer read into what the caller needs, without an intermediate tree. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(byte[] json) throws IOException;
    }

    /**
     * Sends one request and answers its JSON body (an empty object for an empty body).
     *
     * @param write true for a request that changes data: a lost answer then makes it ambiguous
     */
    JsonNode exchange(String kind, String method, URI uri, Object body, boolean write) {
        return exchange(kind, method, uri, body, write, json::readTree);
    }

    /** {@link #exchange(String, String, URI, Object, boolean)} with the body read by {@code reader}. */
    <T> T exchange(String kind, String method, URI uri, Object body, boolean write, BodyReader<T> reader) {
        String token = tokens.get();
        HttpResponse<byte[]> response = send(kind, method, uri, body, write, token);
        if (response.statusCode() == 401) {
            // One renewal and one retry: a token can lapse or be revoked between calls.
            tokens.invalidate(token);
            response = send(kind, method, uri, body, write, tokens.get());
            if (response.statusCode() == 401) {
                throw Failures.fromResponse(response, json, CaspioException.Kind.AUTH, write);
            }
        }
        if (response.statusCode() >= 400) {
            throw Failures.fromResponse(response, json, null, write);
        }
        byte[] answer = response.body();
        try {
            return reader.read(answer == null || isBlank(answer) ? EMPTY_OBJECT : answer);
        } catch (IOException e) {
            throw CaspioException.answered(
                    write ? CaspioException.Kind.AMBIGUOUS : CaspioException.Kind.TRANSIENT,
                    method + " " + uri.getPath() + ": Caspio answered with a body that is not JSON",
                    response.statusCode(),
                    Failures.requestId(response),
                    e);
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** Caspio's clock minus ours, from the {@code Date} header of its latest answer (1 s resolution). */
    Duration clockOffset() {
        return clockOffset;
    }

    private void measureOffset(String date) {
        try {
            Instant theirs = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            // The header is truncated to the second: add half a second and round, so that two clocks
            // that agree measure 0 rather than a fraction that would flip a same-second comparison.
            long millis =
                    Duration.between(clock.instant(), theirs.plusMillis(500)).toMillis();
            clockOffset = Duration.ofSeconds(Math.round(millis / 1000.0));
        } catch (DateTimeParseException e) {
            log.debug("Caspio sent a Date header that is not RFC 1123: {}", date);
        }
    }

    private HttpResponse<byte[]> send(String kind, String method, URI uri, Object body, boolean write, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        byte[] payload = new byte[0];
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                payload = json.writeValueAsBytes(body);
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            meters.request(
                    kind,
                    response.statusCode(),
                    payload.length + uri.toString().length(),
                    response.body() == null ? 0 : response.body().length);
            log.debug("caspio {} {} -> {}", method, uri.getPath(), response.statusCode());
            response.headers().firstValue("Date").ifPresent(this::measureOffset);
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            meters.request(kind, 0, payload.length, 0);
            throw CaspioException.noAnswer(
                    write ? CaspioException.Kind.AMBIGUOUS : CaspioException.Kind.TRANSIENT,
                    method + " " + uri.getPath() + ": interrupted",
                    e);
        } catch (IOException e) {
            meters.request(kind, 0, payload.length, 0);
            // A refused connection never carried the request; anything later may have been applied.
            boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
            throw CaspioException.noAnswer(
                    write && !neverSent ? CaspioException.Kind.AMBIGUOUS : CaspioException.Kind.TRANSIENT,
                    method + " " + uri.getPath() + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    e);
        }
    }
}
