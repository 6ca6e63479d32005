package io.smartsync.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table and field endpoints of REST v2 a client uses to inspect and evolve a table: {@code GET /tables},
 * {@code GET /tables/{t}}, {@code POST /tables}, {@code GET|POST /tables/{t}/fields},
 * {@code GET|PUT|DELETE /tables/{t}/fields/{f}} and the password-field endpoints.
 */
final class FieldsEndpoint {

    private final Catalog catalog;

    FieldsEndpoint(Catalog catalog) {
        this.catalog = catalog;
    }

    void tables(Context ctx) {
        Responses.json(ctx, 200, Map.of("Result", catalog.names()));
    }

    /** {@code {Result: {Name, Note}}}. */
    void table(Context ctx) {
        TableDef table = catalog.table(ctx.pathParam("table"));
        Responses.json(ctx, 200, Map.of("Result", description(table.name(), catalog.note(table.name()))));
    }

    /** {@code POST /tables {Name, Note?, Fields: [...]}}: 201 with an empty body. */
    void createTable(Context ctx) {
        JsonNode body;
        try {
            body = ctx.body().isBlank() ? null : Responses.JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw CaspioApiException.badBody("The request body is not valid JSON.");
        }
        if (body == null || !body.isObject() || !body.path("Name").isTextual()) {
            throw CaspioApiException.badBody("The request body must be {\"Name\": …, \"Fields\": [ … ]}.");
        }
        body.fieldNames().forEachRemaining(p -> {
            if (!List.of("Name", "Note", "Fields").contains(p)) {
                throw CaspioApiException.badBody("Unknown property '" + p + "'; a table takes Name, Note, Fields.");
            }
        });
        List<FieldDef> fields = new ArrayList<>();
        for (JsonNode f : body.path("Fields")) {
            fields.add(NewFieldBody.parse(f).field());
        }
        if (fields.isEmpty()) {
            throw CaspioApiException.badBody("A table needs at least one field besides PK_ID.");
        }
        String note = body.path("Note").isTextual() ? body.path("Note").textValue() : "";
        catalog.createTable(body.path("Name").textValue(), note, fields);
        ctx.status(201).result("");
    }

    void fields(Context ctx) {
        TableDef table = catalog.table(ctx.pathParam("table"));
        List<Map<String, Object>> result = new ArrayList<>();
        for (int i = 0; i < table.fields().size(); i++) {
            result.add(json(table.fields().get(i), i + 1));
        }
        Responses.json(ctx, 200, Map.of("Result", result));
    }

    /** {@code {Result: {field}}}, as one element of {@link #fields}. */
    void field(Context ctx) {
        TableDef table = catalog.table(ctx.pathParam("table"));
        FieldDef f = named(table, ctx.pathParam("field"));
        Responses.json(ctx, 200, Map.of("Result", json(f, table.fields().indexOf(f) + 1)));
    }

    /** Adds a field; 201 with an empty body, as Caspio answers a create. */
    void add(Context ctx) {
        TableDef table = catalog.table(ctx.pathParam("table"));
        NewFieldBody.NewField field = NewFieldBody.parse(Responses.JSON, ctx.body());
        catalog.addField(table.name(), field.field(), field.displayOrder());
        ctx.status(201).result("");
    }

    /** v2's PUT: {@code NewName}, {@code NewLabel}, {@code NewDescription}, {@code NewDisplayOrder}; 204. */
    void change(Context ctx) {
        TableDef table = catalog.table(ctx.pathParam("table"));
        FieldChange change = NewFieldBody.change(Responses.JSON, ctx.body());
        catalog.changeField(table.name(), ctx.pathParam("field"), change);
        ctx.status(204).result("");
    }

    /** Drops a field and its values; 204. */
    void drop(Context ctx) {
        TableDef table = catalog.table(ctx.pathParam("table"));
        catalog.dropField(table.name(), ctx.pathParam("field"));
        ctx.status(204).result("");
    }

    /** The table's PASSWORD fields: none, since the emulator does not model that type (CaspioRules). */
    void passwordFields(Context ctx) {
        catalog.table(ctx.pathParam("table"));
        Responses.json(ctx, 200, Map.of("Result", List.of()));
    }

    /** {@code PUT|DELETE …/passwordFields/{f}}: the field exists but is no password field here. */
    void passwordField(Context ctx) {
        TableDef table = catalog.table(ctx.pathParam("table"));
        FieldDef f = named(table, ctx.pathParam("field"));
        throw CaspioApiException.badQuery("Field '" + f.name() + "' is not a password field.");
    }

    static Map<String, Object> description(String name, String note) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", name);
        m.put("Note", note);
        return m;
    }

    static Map<String, Object> json(FieldDef f, int displayOrder) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("Name", f.name());
        field.put("Type", f.type().caspioName());
        field.put("Unique", f.unique());
        field.put("Label", f.label());
        field.put("Description", f.description());
        field.put("DisplayOrder", displayOrder);
        field.put("IsFormula", false);
        field.put("OnInsert", f.type() == FieldType.TIMESTAMP ? f.onInsert() : null);
        field.put("OnUpdate", f.type() == FieldType.TIMESTAMP ? f.onUpdate() : null);
        field.put("TimeZone", f.timeZone());
        field.put("Length", f.length());
        field.put("Editable", f.editable());
        return field;
    }

    private static FieldDef named(TableDef table, String name) {
        return table.field(name)
                .orElseThrow(() -> CaspioApiException.notFound(
                        "Field '" + name + "' does not exist in table " + table.name() + "."));
    }
}
