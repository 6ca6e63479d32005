package io.smartsync.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a POST or PUT body into values to store, refusing what Caspio refuses. */
final class RecordBodies {

    private RecordBodies() {}

    static Map<FieldDef, Object> parse(ObjectMapper json, TableDef table, String body, boolean forUpdate) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            throw CaspioApiException.badBody("The request body is not valid JSON" + where + ".");
        }
        if (node == null || !node.isObject()) {
            throw CaspioApiException.badBody("The request body must be one JSON object of field values.");
        }
        return fields(table, node, forUpdate);
    }

    static Map<FieldDef, Object> fields(TableDef table, JsonNode object, boolean forUpdate) {
        Map<FieldDef, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            FieldDef field = table.field(entry.getKey())
                    .orElseThrow(() -> CaspioApiException.badBody(
                            "Unknown field '" + entry.getKey() + "' in table " + table.name() + "."));
            if (field.type() == FieldType.TIMESTAMP) {
                // The app's own insert sends Time_Stamp: read as a date-time, then left to Caspio's
                // stamp (CaspioRules.TIMESTAMP_VALUES_IGNORED).
                FieldValues.fromJson(FieldDef.of(field.name(), FieldType.DATE_TIME), entry.getValue());
                continue;
            }
            if (field.type().systemMaintained()) {
                throw FieldValues.systemField(field);
            }
            if (values.containsKey(field)) {
                throw CaspioApiException.badBody("Field '" + field.name() + "' is given twice.");
            }
            values.put(field, FieldValues.fromJson(field, entry.getValue()));
        }
        if (forUpdate && values.isEmpty()) {
            throw CaspioApiException.badBody("The request body names no field to update.");
        }
        return values;
    }
}
