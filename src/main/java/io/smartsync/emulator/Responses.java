package io.smartsync.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Writes answers the way Caspio shapes them: JSON bodies, a request id on every answer. */
final class Responses {

    static final String REQUEST_ID_HEADER = "X-Caspio-Request-ID";
    private static final String REQUEST_ID_ATTRIBUTE = "emulator.requestId";
    private static final String BYTES_OUT_ATTRIBUTE = "emulator.bytesOut";

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private Responses() {}

    /** Called first for every request, so even an early error carries the id. */
    static void assignRequestId(Context ctx) {
        String id = UUID.randomUUID().toString();
        ctx.attribute(REQUEST_ID_ATTRIBUTE, id);
        ctx.header(REQUEST_ID_HEADER, id);
    }

    static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID_ATTRIBUTE);
        if (id == null) {
            assignRequestId(ctx);
            id = ctx.attribute(REQUEST_ID_ATTRIBUTE);
        }
        return id;
    }

    static void json(Context ctx, int status, Object body) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(body);
            ctx.attribute(BYTES_OUT_ATTRIBUTE, (long) bytes.length);
            ctx.status(status).contentType("application/json; charset=utf-8").result(bytes);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The size of the body {@link #json} wrote for this request; 0 for an empty body. */
    static long bytesOut(Context ctx) {
        Long bytes = ctx.attribute(BYTES_OUT_ATTRIBUTE);
        return bytes == null ? 0 : bytes;
    }

    static void error(Context ctx, int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Code", code);
        body.put("Message", message);
        body.put("Resource", ctx.path());
        body.put("RequestId", requestId(ctx));
        json(ctx, status, body);
    }
}
