package io.smartsync.caspio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Turns Caspio's error answers into {@link CaspioException}s, keeping its code and request id. */
final class Failures {
    private Failures() {}

    /**
     * @param write true when the request changes data: a 500 may then have been applied before it
     *     failed, so it is ambiguous; 429 and 503 refuse the request before it runs
     */
    static CaspioException fromResponse(
            HttpResponse<byte[]> r, ObjectMapper json, CaspioException.Kind forced, boolean write) {
        int status = r.statusCode();
        String code = null;
        String message = null;
        try {
            JsonNode body = json.readTree(r.body());
            code = body.path("Code").asText(null);
            message = body.path("Message").asText(null);
        } catch (Exception e) {
            // Not Caspio's JSON error body (a proxy's HTML page, say): the status alone has to do.
        }
        CaspioException.Kind kind = forced != null ? forced : classify(status, write);
        String text = r.request().method() + " " + r.request().uri().getPath() + ": HTTP " + status
                + (code == null ? "" : " " + code) + (message == null ? "" : " - " + message)
                + " (request id " + requestId(r) + ")";
        return new CaspioException(kind, text, status, code, requestId(r), retryAfter(r), null);
    }

    static CaspioException.Kind classify(int status, boolean write) {
        if (status == 429 || status == 503 || status == 408) {
            return CaspioException.Kind.TRANSIENT;
        }
        if (status >= 500) {
            return write ? CaspioException.Kind.AMBIGUOUS : CaspioException.Kind.TRANSIENT;
        }
        return status == 401 ? CaspioException.Kind.AUTH : CaspioException.Kind.PERMANENT;
    }

    static String requestId(HttpResponse<?> r) {
        return r.headers().firstValue("X-Caspio-Request-ID").orElse("none");
    }

    private static Duration retryAfter(HttpResponse<?> r) {
        return r.headers()
                .firstValue("Retry-After")
                .flatMap(v -> {
                    try {
                        return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
                    } catch (NumberFormatException e) {
                        return java.util.Optional.empty();
                    }
                })
                .orElse(null);
    }
}
