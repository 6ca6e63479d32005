package io.smartsync.emulator;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /tables}, {@code GET /tables/{t}/fields} and {@code POST /tables/{t}/fields}. */
final class FieldsEndpoint {

    private final Catalog catalog;

    FieldsEndpoint(Catalog catalog) {
        this.catalog = catalog;
    }

    void tables(Context ctx) {
        Responses.json(ctx, 200, Map.of("Result", catalog.names()));
    }

    void fields(Context ctx) {
        TableDef table = catalog.table(ctx.pathParam("table"));
        List<Map<String, Object>> result = new ArrayList<>();
        for (int i = 0; i < table.fields().size(); i++) {
            FieldDef f = table.fields().get(i);
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("Name", f.name());
            field.put("Type", f.type().caspioName());
            field.put("Unique", f.unique());
            field.put("Label", f.name());
            field.put("Description", f.description());
            field.put("DisplayOrder", i + 1);
            field.put("IsFormula", false);
            field.put("OnInsert", f.type() == FieldType.TIMESTAMP ? f.onInsert() : null);
            field.put("OnUpdate", f.type() == FieldType.TIMESTAMP ? f.onUpdate() : null);
            field.put("TimeZone", f.timeZone());
            field.put("Length", f.length());
            result.add(field);
        }
        Responses.json(ctx, 200, Map.of("Result", result));
    }

    /** Adds a field; 201 with an empty body, as Caspio answers a create. */
    void add(Context ctx) {
        TableDef table = catalog.table(ctx.pathParam("table"));
        FieldDef field = NewFieldBody.parse(Responses.JSON, ctx.body());
        catalog.addField(table.name(), field);
        ctx.status(201).result("");
    }
}
