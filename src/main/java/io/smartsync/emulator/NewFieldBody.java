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

    /** What {@code GET /fields} answers for a field, and so what a client may send back to make one. */
    private static final List<String> PROPERTIES = List.of(
            "Name",
            "Type",
            "Unique",
            "UniqueAllowNulls",
            "Label",
            "Description",
            "DisplayOrder",
            "OnInsert",
            "OnUpdate",
            "TimeZone",
            "Format",
            "Prefix",
            "Length",
            "IsFormula",
            "ListField",
            "Editable");

    /** The changes v2's PUT takes (each a property above with {@code New} before it). */
    private static final List<String> CHANGES = List.of("NewName", "NewLabel", "NewDescription", "NewDisplayOrder");

    /** A field to add and where: {@code displayOrder} 1 = first, 0 = last. */
    record NewField(FieldDef field, int displayOrder) {}

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

    static NewField parse(ObjectMapper json, String body) {
        return parse(object(json, body, "one JSON object describing the field"));
    }

    static NewField parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw CaspioApiException.badBody("A field must be one JSON object describing it.");
        }
        Map<String, JsonNode> given = properties(node, PROPERTIES);
        String name = text(given, "Name");
        String typeName = text(given, "Type");
        if (name == null || typeName == null) {
            throw CaspioApiException.badBody("Name and Type are required.");
        }
        checkName(name);
        FieldType type = type(typeName);
        boolean unique = bool(given, "Unique", false);
        if (unique && (type == FieldType.TEXT || type == FieldType.YES_NO || type == FieldType.TIMESTAMP)) {
            throw CaspioApiException.badBody("A " + type.caspioName() + " field cannot be unique.");
        }
        bool(given, "UniqueAllowNulls", true); // empty values never collide here (CaspioRules)
        bool(given, "Editable", true); // a read-only property GET answers: accepted, not set
        if (bool(given, "IsFormula", false)) {
            throw CaspioApiException.badBody("Formula fields are not supported by the emulator.");
        }
        for (String unmodelled : List.of("Prefix", "ListField")) {
            String value = text(given, unmodelled);
            if (value != null && !value.isEmpty()) {
                throw CaspioApiException.badBody(unmodelled + " applies to a type the emulator does not model.");
            }
        }
        text(given, "Format"); // display only: accepted, not kept
        String label = bounded(given, "Label", CaspioRules.MAX_LABEL);
        String description = bounded(given, "Description", CaspioRules.MAX_DESCRIPTION);
        int order = whole(given, "DisplayOrder", 0);
        FieldDef field = typed(name, type, given).withDescription(description).withLabel(label);
        field = length(field, given);
        return new NewField(unique ? field.asUnique() : field, order);
    }

    /** The body of v2's {@code PUT /tables/{t}/fields/{f}}. */
    static FieldChange change(ObjectMapper json, String body) {
        Map<String, JsonNode> given = properties(object(json, body, "one JSON object of New… changes"), CHANGES);
        if (given.isEmpty()) {
            throw CaspioApiException.badBody(
                    "The request body names no change; a field takes " + String.join(", ", CHANGES) + ".");
        }
        String newName = text(given, "NewName");
        if (newName != null) {
            checkName(newName);
        }
        Integer order = given.containsKey("NewDisplayOrder") ? whole(given, "NewDisplayOrder", 0) : null;
        return new FieldChange(
                newName,
                bounded(given, "NewLabel", CaspioRules.MAX_LABEL),
                bounded(given, "NewDescription", CaspioRules.MAX_DESCRIPTION),
                order);
    }

    private static JsonNode object(ObjectMapper json, String body, String what) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw CaspioApiException.badBody("The request body is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw CaspioApiException.badBody("The request body must be " + what + ".");
        }
        return node;
    }

    private static void checkName(String name) {
        if (!CaspioRules.FIELD_NAME.matcher(name).matches()) {
            throw CaspioApiException.badBody("Field name '" + printable(name)
                    + "' is invalid: a letter first, then letters, digits or '_', at most 32 characters.");
        }
        if (CaspioRules.RESERVED_WORDS.contains(name.toUpperCase(Locale.ROOT))) {
            throw CaspioApiException.badBody("Field name '" + name + "' is a reserved word.");
        }
    }

    private static FieldDef typed(String name, FieldType type, Map<String, JsonNode> given) {
        if (type != FieldType.TIMESTAMP) {
            for (String stampOnly : List.of("OnInsert", "OnUpdate", "TimeZone")) {
                if (given.containsKey(stampOnly)) {
                    throw CaspioApiException.badBody(stampOnly + " applies to TIMESTAMP fields only.");
                }
            }
            return FieldDef.of(name, type);
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
                zone);
    }

    /** A STRING may be shorter than 255; any other type takes only its own length (what GET answers). */
    private static FieldDef length(FieldDef field, Map<String, JsonNode> given) {
        if (!given.containsKey("Length")) {
            return field;
        }
        int length = whole(given, "Length", 0);
        if (field.type() == FieldType.STRING && length >= 1 && length <= CaspioRules.STRING_LENGTH) {
            return field.withLength(length);
        }
        if (field.length() != null && field.length() == length) {
            return field;
        }
        throw CaspioApiException.badBody("Length " + length + " does not fit a "
                + field.type().caspioName() + " field" + (field.type() == FieldType.STRING ? " (1 to 255)." : "."));
    }

    private static String bounded(Map<String, JsonNode> given, String property, int max) {
        String value = text(given, property);
        if (value != null && value.length() > max) {
            throw CaspioApiException.badBody(property + " holds at most " + max + " characters.");
        }
        return value;
    }

    private static int whole(Map<String, JsonNode> given, String property, int absent) {
        JsonNode value = given.get(property);
        if (value == null) {
            return absent;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
            throw CaspioApiException.badBody(property + " must be a whole number, 0 or more.");
        }
        return value.intValue();
    }

    /** The non-null properties under their canonical names; Caspio's .NET binding ignores letter case. */
    private static Map<String, JsonNode> properties(JsonNode node, List<String> known) {
        Map<String, JsonNode> given = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String canonical = known.stream()
                    .filter(p -> p.equalsIgnoreCase(entry.getKey()))
                    .findFirst()
                    .orElseThrow(() -> CaspioApiException.badBody("Unknown property '" + printable(entry.getKey())
                            + "'; a field takes " + String.join(", ", known) + "."));
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
