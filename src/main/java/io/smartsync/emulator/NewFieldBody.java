package io.smartsync.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the body of {@code POST /tables/{t}/fields} into a field, refusing what the emulator cannot add. */
final class NewFieldBody {

    private static final List<String> PROPERTIES =
            List.of("Name", "Type", "Unique", "OnInsert", "OnUpdate", "TimeZone", "Description");

    /** Caspio types that exist but that the emulator does not model. */
    private static final Set<String> NOT_MODELLED = Set.of(
            "AUTONUMBER",
            "PREFIXED AUTONUMBER",
            "GUID",
            "RANDOM ID",
            "PASSWORD",
            "FILE",
            "LIST-STRING",
            "LIST-NUMBER",
            "LIST-DATE/TIME");

    private NewFieldBody() {}

    static FieldDef parse(ObjectMapper json, String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw CaspioApiException.badBody("The request body is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw CaspioApiException.badBody("The request body must be one JSON object describing the field.");
        }
        Map<String, JsonNode> given = properties(node);
        String name = text(given, "Name");
        String typeName = text(given, "Type");
        if (name == null || typeName == null) {
            throw CaspioApiException.badBody("Name and Type are required.");
        }
        if (!CaspioRules.FIELD_NAME.matcher(name).matches()) {
            throw CaspioApiException.badBody("Field name '" + printable(name)
                    + "' is invalid: a letter first, then letters, digits or '_', at most 32 characters.");
        }
        if (CaspioRules.RESERVED_WORDS.contains(name.toUpperCase(Locale.ROOT))) {
            throw CaspioApiException.badBody("Field name '" + name + "' is a reserved word.");
        }
        FieldType type = type(typeName);
        boolean unique = bool(given, "Unique", false);
        if (unique && (type == FieldType.TEXT || type == FieldType.YES_NO || type == FieldType.TIMESTAMP)) {
            throw CaspioApiException.badBody("A " + type.caspioName() + " field cannot be unique.");
        }
        String description = text(given, "Description");
        if (type != FieldType.TIMESTAMP) {
            for (String stampOnly : List.of("OnInsert", "OnUpdate", "TimeZone")) {
                if (given.containsKey(stampOnly)) {
                    throw CaspioApiException.badBody(stampOnly + " applies to TIMESTAMP fields only.");
                }
            }
            FieldDef field = FieldDef.of(name, type).withDescription(description);
            return unique ? field.asUnique() : field;
        }
        String zone = text(given, "TimeZone");
        zone = zone == null ? CaspioRules.DEFAULT_TIME_ZONE : zone;
        if (!FieldDef.knownZone(zone)) {
            throw CaspioApiException.badBody(
                    "TimeZone '" + printable(zone) + "' is not a time zone the emulator knows.");
        }
        return FieldDef.timestamp(
                        name,
                        bool(given, "OnInsert", CaspioRules.TIMESTAMP_ON_INSERT_DEFAULT),
                        bool(given, "OnUpdate", CaspioRules.TIMESTAMP_ON_UPDATE_DEFAULT),
                        zone)
                .withDescription(description);
    }

    /** The non-null properties under their canonical names; Caspio's .NET binding ignores letter case. */
    private static Map<String, JsonNode> properties(JsonNode node) {
        Map<String, JsonNode> given = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String canonical = PROPERTIES.stream()
                    .filter(p -> p.equalsIgnoreCase(entry.getKey()))
                    .findFirst()
                    .orElseThrow(() -> CaspioApiException.badBody("Unknown property '" + printable(entry.getKey())
                            + "'; a field takes " + String.join(", ", PROPERTIES) + "."));
            if (given.containsKey(canonical)) {
                throw CaspioApiException.badBody("Property '" + canonical + "' is given twice.");
            }
            if (!entry.getValue().isNull()) {
                given.put(canonical, entry.getValue());
            }
        }
        return given;
    }

    private static FieldType type(String typeName) {
        String upper = typeName.strip().toUpperCase(Locale.ROOT);
        if (NOT_MODELLED.contains(upper)) {
            throw CaspioApiException.badBody("Type " + upper + " is not supported by the emulator.");
        }
        return FieldType.fromCaspioName(upper)
                .orElseThrow(() -> CaspioApiException.badBody("Unknown field type '" + printable(typeName)
                        + "'; the emulator adds STRING, TEXT, NUMBER, INTEGER, CURRENCY, DATE/TIME, YES/NO"
                        + " and TIMESTAMP fields."));
    }

    private static String text(Map<String, JsonNode> given, String property) {
        JsonNode value = given.get(property);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw CaspioApiException.badBody(property + " must be text.");
        }
        return value.textValue();
    }

    private static boolean bool(Map<String, JsonNode> given, String property, boolean absent) {
        JsonNode value = given.get(property);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw CaspioApiException.badBody(property + " must be true or false.");
        }
        return value.booleanValue();
    }

    /** Echoes at most 40 characters of a client's text, control characters escaped. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > 40 ? out + "…" : out.toString();
    }
}
