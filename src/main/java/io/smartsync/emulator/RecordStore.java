package io.smartsync.emulator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads and writes records the way Caspio does: system timestamps stamped from the injected clock,
 * unique fields enforced, rows answered as REST values. Safe to share across threads; every write
 * is one IMMEDIATE transaction.
 */
final class RecordStore {

    private final EmulatorDatabase db;
    private final Clock clock;

    RecordStore(EmulatorDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    List<Map<String, Object>> select(TableDef table, RecordQuery query) {
        List<FieldDef> columns = query.select().isEmpty() ? table.fields() : query.select();
        String sql = "SELECT " + columns.stream().map(FieldDef::column).collect(Collectors.joining(", "))
                + " FROM " + table.sqlName() + whereSql(query.where())
                + " ORDER BY " + String.join(", ", query.orderBy()) + " LIMIT ? OFFSET ?";
        List<Object> params = new ArrayList<>(whereParams(query.where()));
        params.add(query.limit());
        params.add(query.offset());
        return db.withConnection(c -> query(c, sql, params, columns));
    }

    long count(TableDef table, SqlFragment where) {
        String sql = "SELECT COUNT(*) FROM " + table.sqlName() + whereSql(where);
        return db.withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, whereParams(where));
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    Map<String, Object> insert(TableDef table, Map<FieldDef, Object> values) {
        Map<FieldDef, Object> row = new LinkedHashMap<>(values);
        for (FieldDef f : table.fields()) {
            if (f.type() == FieldType.TIMESTAMP && f.onInsert()) {
                row.put(f, DateTimes.now(clock, f.zone()));
            }
        }
        String sql = row.isEmpty()
                ? "INSERT INTO " + table.sqlName() + " DEFAULT VALUES RETURNING *"
                : "INSERT INTO " + table.sqlName() + " ("
                        + row.keySet().stream().map(FieldDef::column).collect(Collectors.joining(", "))
                        + ") VALUES (" + "?, ".repeat(row.size() - 1) + "?) RETURNING *";
        List<Object> params = new ArrayList<>(row.values());
        return uniqueChecked(table, () -> db.inTransaction(c -> query(c, sql, params, table.fields())))
                .get(0);
    }

    /** Updates every row matching {@code where} and answers the rows as they are now. */
    List<Map<String, Object>> update(TableDef table, Map<FieldDef, Object> values, SqlFragment where) {
        Map<FieldDef, Object> set = new LinkedHashMap<>(values);
        for (FieldDef f : table.fields()) {
            if (f.type() == FieldType.TIMESTAMP && f.onUpdate()) {
                set.put(f, DateTimes.now(clock, f.zone()));
            }
        }
        String sql = "UPDATE " + table.sqlName() + " SET "
                + set.keySet().stream().map(f -> f.column() + " = ?").collect(Collectors.joining(", "))
                + whereSql(where) + " RETURNING *";
        List<Object> params = new ArrayList<>(set.values());
        params.addAll(whereParams(where));
        List<Map<String, Object>> rows =
                uniqueChecked(table, () -> db.inTransaction(c -> query(c, sql, params, table.fields())));
        // RETURNING gives no order; answer in PK_ID order like a GET.
        List<Map<String, Object>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(r -> (Long) r.get(TableDef.PK)));
        return sorted;
    }

    int delete(TableDef table, SqlFragment where) {
        String sql = "DELETE FROM " + table.sqlName() + whereSql(where);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = prepare(c, sql, whereParams(where))) {
                return ps.executeUpdate();
            }
        });
    }

    private static String whereSql(SqlFragment where) {
        return where == null ? "" : " WHERE " + where.sql();
    }

    private static List<Object> whereParams(SqlFragment where) {
        return where == null ? List.of() : where.params();
    }

    private static List<Map<String, Object>> query(
            Connection c, String sql, List<Object> params, List<FieldDef> columns) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i).name(), FieldValues.fromRow(columns.get(i), rs, i + 1));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    /** SQLite names the column ("table.field") or, for some index kinds, the index. */
    private static boolean mentions(String message, TableDef table, FieldDef field) {
        return message.contains(table.name() + "." + field.name())
                || message.contains(Schema.indexName(table, field).replace("\"", ""));
    }

    private static <T> T uniqueChecked(TableDef table, Supplier<T> write) {
        try {
            return write.get();
        } catch (EmulatorStoreException e) {
            if (!e.uniqueViolation()) {
                throw e;
            }
            String message = String.valueOf(e.getMessage());
            String field = table.fields().stream()
                    .filter(f -> f.unique() && mentions(message, table, f))
                    .map(FieldDef::name)
                    .findFirst()
                    .orElse("a unique field");
            throw new CaspioApiException(400, CaspioRules.CODE_SQL, CaspioRules.duplicateMessage(table.name(), field));
        }
    }
}
