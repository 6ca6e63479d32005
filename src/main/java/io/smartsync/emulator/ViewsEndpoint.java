package io.smartsync.emulator;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /views}, {@code GET /views/{v}}, {@code GET /views/{v}/fields} and {@code GET /views/{v}/records}:
 * read-only views over one table each (defined with {@code PUT /_emulator/views/{v}}). In a view PK_ID is
 * text, the source rows' PK_IDs (Caspio's help); writes through a view are refused (CaspioRules).
 */
final class ViewsEndpoint {

    private final Catalog catalog;
    private final RecordStore store;
    private final StatsCounters stats;

    ViewsEndpoint(Catalog catalog, RecordStore store, StatsCounters stats) {
        this.catalog = catalog;
        this.store = store;
        this.stats = stats;
    }

    void views(Context ctx) {
        Responses.json(ctx, 200, Map.of("Result", List.copyOf(catalog.views().keySet())));
    }

    void view(Context ctx) {
        String name = name(ctx);
        Responses.json(
                ctx,
                200,
                Map.of("Result", FieldsEndpoint.description(name, view(name).get(1))));
    }

    void fields(Context ctx) {
        TableDef table = table(ctx);
        List<Map<String, Object>> result = new ArrayList<>();
        for (int i = 0; i < table.fields().size(); i++) {
            Map<String, Object> f = FieldsEndpoint.json(table.fields().get(i), i + 1);
            if (i == 0) {
                f.put("Type", "STRING");
            }
            f.put("Editable", false);
            result.add(f);
        }
        Responses.json(ctx, 200, Map.of("Result", result));
    }

    void records(Context ctx) {
        TableDef table = table(ctx);
        RecordQuery query = RecordQuery.from(table, n -> RecordsEndpoint.param(ctx, n));
        if (query.countOnly()) {
            Responses.json(
                    ctx,
                    200,
                    Map.of("Result", List.of(Map.of(RecordQuery.COUNT_COLUMN, store.count(table, query.where())))));
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : store.select(table, query)) {
            Map<String, Object> r = new LinkedHashMap<>(row);
            if (r.get(TableDef.PK) != null) {
                r.put(TableDef.PK, String.valueOf(r.get(TableDef.PK)));
            }
            rows.add(r);
        }
        stats.rows(rows.size());
        Responses.json(ctx, 200, Map.of("Result", rows));
    }

    /** {@code PUT /_emulator/views/{v} {"Table": …, "Note": …}}: defines a view (not a Caspio route). */
    void define(Context ctx) {
        com.fasterxml.jackson.databind.JsonNode body;
        try {
            body = ctx.body().isBlank() ? null : Responses.JSON.readTree(ctx.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.path("Table").isTextual()) {
            throw CaspioApiException.badBody("Send {\"Table\": \"…\", \"Note\": \"…\"}.");
        }
        catalog.defineView(
                name(ctx), body.path("Table").textValue(), body.path("Note").asText(""));
        ctx.status(204).result("");
    }

    void write(Context ctx) {
        String name = name(ctx);
        view(name);
        throw new CaspioApiException(
                405, CaspioRules.CODE_METHOD, "View '" + name + "' is read-only: write to its table instead.");
    }

    private TableDef table(Context ctx) {
        return catalog.table(view(name(ctx)).get(0));
    }

    private List<String> view(String name) {
        return catalog.views().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .findFirst()
                .map(Map.Entry::getValue)
                .orElseThrow(() -> CaspioApiException.notFound("View '" + name + "' does not exist."));
    }

    private static String name(Context ctx) {
        return ctx.pathParam("view");
    }
}
