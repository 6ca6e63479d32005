package io.smartsync.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;

/** Reads JSON request bodies strictly: unknown fields and malformed JSON get a 400 that says which. */
final class Bodies {
    private Bodies() {}

    static <T> T read(ObjectMapper json, Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw ApiException.badRequest("a JSON body is required");
        }
        try {
            return json.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("unknown field '" + e.getPropertyName() + "'");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON for this request: " + e.getOriginalMessage());
        }
    }
}
