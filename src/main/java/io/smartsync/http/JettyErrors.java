package io.smartsync.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own answers, to requests that never reach the API (a URI or headers too long, a request line
 * it cannot parse), in the API's error shape instead of an HTML page; never a stack trace.
 */
final class JettyErrors extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    private static byte[] body(int status, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", false);
        m.put("error", reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason);
        m.put(
                "code",
                switch (status) {
                    case 400 -> "bad_request";
                    case 404 -> "not_found";
                    case 413 -> "too_large";
                    case 414 -> "uri_too_long";
                    case 431 -> "headers_too_large";
                    default -> "http_" + status;
                });
        try {
            return JSON.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            return ("{\"success\":false,\"error\":\"error\",\"code\":\"http_" + status + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
