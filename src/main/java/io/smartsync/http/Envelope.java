package io.smartsync.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code {"success": true, "data": …}} wrapper of every successful {@code /api} answer. */
final class Envelope {
    private Envelope() {}

    static Map<String, Object> ok(Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("data", data);
        return body;
    }
}
