package io.smartsync.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Request bodies are UTF-8, strictly: bytes that are not UTF-8 are refused instead of becoming U+FFFD,
 * and a JSON escape of half a surrogate pair is refused too, each naming the field it is in.
 */
final class Utf8 {
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {}

    static String text(ObjectMapper json, byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest(where(json, new String(body, StandardCharsets.UTF_8)) + " not valid UTF-8");
        }
    }

    /** The fields holding the bytes that were replaced, read from the body decoded leniently. */
    private static String where(ObjectMapper json, String lenient) {
        List<String> fields = new ArrayList<>();
        try {
            collect(json.readTree(lenient), "", fields);
        } catch (JsonProcessingException e) {
            return "the body is";
        }
        return fields.isEmpty() ? "the body is" : String.join(", ", fields) + (fields.size() == 1 ? " is" : " are");
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isTextual() && node.textValue().indexOf(REPLACEMENT) >= 0) {
            out.add(path.isEmpty() ? "the body" : path);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    static void refuseLoneSurrogates(JsonNode node, String path) {
        if (node.isTextual() && loneSurrogate(node.textValue()) >= 0) {
            throw ApiException.badRequest((path.isEmpty() ? "the body" : path)
                    + " contains half of a surrogate pair (" + hex(node.textValue(), loneSurrogate(node.textValue()))
                    + "), which is not text");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (loneSurrogate(e.getKey()) >= 0) {
                throw ApiException.badRequest("a field name contains half of a surrogate pair");
            }
            refuseLoneSurrogates(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseLoneSurrogates(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** The index of the first unpaired surrogate, or -1. */
    static int loneSurrogate(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    static String hex(CharSequence s, int i) {
        return String.format("U+%04X", (int) s.charAt(i));
    }
}
