package io.smartsync.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies strictly: malformed JSON, invalid UTF-8, lone surrogates, unknown or repeated
 * fields, trailing text and a number or boolean where text belongs all get a 400 that says which, in the
 * request's own terms (field names, never the service's classes).
 */
final class Bodies {
    private Bodies() {}

    /** The API's one mapper: strict on the way in, ISO 8601 times on the way out. */
    static ObjectMapper mapper() {
        ObjectMapper json = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        for (CoercionInputShape shape : new CoercionInputShape[] {
            CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
        }) {
            json.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return json;
    }

    static <T> T read(ObjectMapper json, Context ctx, Class<T> type) {
        String body = Utf8.text(json, ctx.bodyAsBytes());
        if (body.isBlank()) {
            throw ApiException.badRequest("a JSON body is required");
        }
        try {
            JsonNode tree = json.readTree(body);
            Utf8.refuseLoneSurrogates(tree, "");
            T value = json.treeToValue(tree, type);
            if (value == null) {
                throw ApiException.badRequest("the body must be a JSON object, not null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("unknown field '" + e.getPropertyName() + "'");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(describe(e));
        }
    }

    /** What was wrong with a body, said with its field names and JSON's types. */
    static String describe(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Duplicate field")) {
            return "a field is given more than once: " + quoted(original);
        }
        if (original.startsWith("Trailing token")) {
            return "the body must hold one JSON value and nothing after it";
        }
        if (e instanceof MismatchedInputException m) {
            String field = field(m);
            if (field.isEmpty()) {
                return "the body must be a JSON object";
            }
            return "field '" + field + "' must be " + kind(m.getTargetType());
        }
        if (!(e instanceof JsonMappingException) && e.getLocation() != null) {
            return "the body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
        }
        return "the body is not valid JSON for this request";
    }

    private static String field(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String quoted(String message) {
        int a = message.indexOf('\'');
        int b = a < 0 ? -1 : message.indexOf('\'', a + 1);
        return b > a ? message.substring(a, b + 1) : "";
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** A body that may be left out entirely: empty means {@code empty}. */
    static <T> T readOptional(ObjectMapper json, Context ctx, Class<T> type, T empty) {
        return ctx.bodyAsBytes().length == 0 || ctx.body().isBlank() ? empty : read(json, ctx, type);
    }
}
