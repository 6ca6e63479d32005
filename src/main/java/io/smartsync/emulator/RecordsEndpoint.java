package io.smartsync.emulator;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table and record routes, identical under {@code /rest/v2} and {@code /integrations/rest/v3}. */
final class RecordsEndpoint {

    private final List<TableDef> tables;
    private final RecordStore store;

    RecordsEndpoint(List<TableDef> tables, RecordStore store) {
        this.tables = List.copyOf(tables);
        this.store = store;
    }

    void tables(Context ctx) {
        Responses.json(
                ctx, 200, Map.of("Result", tables.stream().map(TableDef::name).toList()));
    }

    void fields(Context ctx) {
        TableDef table = table(ctx.pathParam("table"));
        List<Map<String, Object>> result = new ArrayList<>();
        for (int i = 0; i < table.fields().size(); i++) {
            FieldDef f = table.fields().get(i);
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("Name", f.name());
            field.put("Type", f.type().caspioName());
            field.put("Unique", f.unique());
            field.put("Label", f.name());
            field.put("Description", "");
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

    void get(Context ctx) {
        TableDef table = table(ctx.pathParam("table"));
        RecordQuery query = RecordQuery.from(table, name -> param(ctx, name));
        if (query.count()) {
            Map<String, Object> count = Map.of("COUNT(*)", store.count(table, query.where()));
            Responses.json(ctx, 200, Map.of("Result", List.of(count)));
        } else {
            Responses.json(ctx, 200, Map.of("Result", store.select(table, query)));
        }
    }

    void post(Context ctx) {
        TableDef table = table(ctx.pathParam("table"));
        boolean rows = wantsRows(ctx);
        Map<String, Object> row = store.insert(table, RecordBodies.parse(Responses.JSON, table, ctx.body(), false));
        if (rows) {
            Responses.json(ctx, 201, Map.of("Result", List.of(row)));
        } else {
            ctx.status(201).result("");
        }
    }

    void put(Context ctx) {
        TableDef table = table(ctx.pathParam("table"));
        SqlFragment where = requiredWhere(ctx, table);
        boolean rows = wantsRows(ctx);
        var values = RecordBodies.parse(Responses.JSON, table, ctx.body(), true);
        List<Map<String, Object>> updated = store.update(table, values, where);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("RecordsAffected", updated.size());
        // Always present: a public client reads Result as an array even without response=rows.
        answer.put("Result", rows ? updated : List.of());
        Responses.json(ctx, 200, answer);
    }

    void delete(Context ctx) {
        TableDef table = table(ctx.pathParam("table"));
        int deleted = store.delete(table, requiredWhere(ctx, table));
        Responses.json(ctx, 200, Map.of("RecordsAffected", deleted));
    }

    TableDef table(String name) {
        return tables.stream()
                .filter(t -> t.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> CaspioApiException.notFound("Table '" + name + "' does not exist."));
    }

    private static SqlFragment requiredWhere(Context ctx, TableDef table) {
        SqlFragment where = WhereCompiler.compile(table, param(ctx, "q.where"));
        if (where == null) {
            throw CaspioApiException.badQuery("q.where is required: it chooses the records to change.");
        }
        return where;
    }

    private static boolean wantsRows(Context ctx) {
        return "rows".equalsIgnoreCase(param(ctx, "response"));
    }

    /** A parameter by name, ignoring case as Caspio's .NET binding does; empty means absent. */
    static String param(Context ctx, String name) {
        String found = null;
        for (Map.Entry<String, List<String>> entry : ctx.queryParamMap().entrySet()) {
            if (!entry.getKey().equalsIgnoreCase(name)) {
                continue;
            }
            for (String value : entry.getValue()) {
                if (value == null || value.isBlank()) {
                    continue;
                }
                if (found != null) {
                    throw CaspioApiException.badQuery(name + " is given more than once.");
                }
                found = value;
            }
        }
        return found;
    }
}
