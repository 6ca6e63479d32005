package io.smartsync.caspio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** The OAuth 2 client-credentials grant against the account's token endpoint. */
final class TokenRequest {
    private TokenRequest() {}

    static TokenCache.Token fetch(
            CaspioConfig config, HttpClient http, ObjectMapper json, Clock clock, CaspioMeters meters) {
        String form = "grant_type=client_credentials&client_id=" + enc(config.clientId()) + "&client_secret="
                + enc(config.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.tokenUrl()))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            meters.request(
                    "token",
                    response.statusCode(),
                    form.length() + request.uri().toString().length(),
                    response.body().length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw transientFailure("interrupted", e);
        } catch (IOException e) {
            throw transientFailure(e.getClass().getSimpleName(), e);
        }
        int status = response.statusCode();
        if (status == 400 || status == 401 || status == 403) {
            throw Failures.fromResponse(response, json, CaspioException.Kind.AUTH, false);
        }
        if (status >= 300) {
            throw Failures.fromResponse(response, json, null, false);
        }
        try {
            JsonNode body = json.readTree(response.body());
            String token = body.path("access_token").asText("");
            long expiresIn = body.path("expires_in").asLong(0);
            if (token.isEmpty() || expiresIn <= 0) {
                throw transientFailure("token answer without access_token or expires_in", null);
            }
            return new TokenCache.Token(token, clock.instant().plusSeconds(expiresIn));
        } catch (IOException e) {
            throw transientFailure("token answer is not JSON", e);
        }
    }

    private static CaspioException transientFailure(String what, Throwable cause) {
        return CaspioException.noAnswer(CaspioException.Kind.TRANSIENT, "POST /oauth/token: " + what, cause);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
