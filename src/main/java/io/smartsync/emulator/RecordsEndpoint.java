package io.smartsync.emulator;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The record routes, identical under {@code /rest/v2} and {@code /integrations/rest/v3}. */
final class RecordsEndpoint {

    private final Catalog catalog;
    private final RecordStore store;
    private final StatsCounters stats;

    RecordsEndpoint(Catalog catalog, RecordStore store, StatsCounters stats) {
        this.catalog = catalog;
        this.store = store;
        this.stats = stats;
    }

    void get(Context ctx) {
        TableDef table = catalog.table(ctx.pathParam("table"));
        RecordQuery query = RecordQuery.from(table, name -> param(ctx, name));
        if (query.countOnly()) {
            Map<String, Object> count = Map.of(RecordQuery.COUNT_COLUMN, store.count(table, query.where()));
            Responses.json(ctx, 200, Map.of("Result", List.of(count)));
        } else {
            answerRows(ctx, 200, store.select(table, query));
        }
    }

    void post(Context ctx) {
        TableDef table = catalog.table(ctx.pathParam("table"));
        boolean rows = wantsRows(ctx);
        var values = RecordBodies.parse(Responses.JSON, table, ctx.body(), false);
        Duration lateBy = lateBy(ctx);
        Map<String, Object> row = store.insert(table, values, lateBy);
        countLate(lateBy, 1);
        if (rows) {
            answerRows(ctx, 201, List.of(row));
        } else {
            ctx.status(201).result("");
        }
    }

    void put(Context ctx) {
        TableDef table = catalog.table(ctx.pathParam("table"));
        SqlFragment where = requiredWhere(ctx, table);
        boolean rows = wantsRows(ctx);
        var values = RecordBodies.parse(Responses.JSON, table, ctx.body(), true);
        Duration lateBy = lateBy(ctx);
        List<Map<String, Object>> updated = store.update(table, values, where, lateBy);
        countLate(lateBy, updated.size());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("RecordsAffected", updated.size());
        // Always present: a public client reads Result as an array even without response=rows.
        answer.put("Result", rows ? updated : List.of());
        stats.rows(rows ? updated.size() : 0);
        Responses.json(ctx, 200, answer);
    }

    void delete(Context ctx) {
        TableDef table = catalog.table(ctx.pathParam("table"));
        int deleted = store.delete(table, requiredWhere(ctx, table));
        Responses.json(ctx, 200, Map.of("RecordsAffected", deleted));
    }

    private void answerRows(Context ctx, int status, List<Map<String, Object>> rows) {
        stats.rows(rows.size());
        Responses.json(ctx, status, Map.of("Result", rows));
    }

    /** The late-commit lag the fault injector chose for this write, or null. */
    private static Duration lateBy(Context ctx) {
        Duration lateBy = FaultDecision.of(ctx).lateBy();
        return lateBy != null && lateBy.isPositive() ? lateBy : null;
    }

    private void countLate(Duration lateBy, int rowsWritten) {
        if (lateBy != null && rowsWritten > 0) {
            stats.fault(EmulatorStats.Fault.LATE_COMMIT);
        }
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
