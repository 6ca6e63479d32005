package io.smartsync.emulator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads and writes records the way Caspio does: system timestamps stamped from the emulator's clock,
 * unique fields enforced, rows answered as REST values, and late commits kept from readers (see
 * {@link LateCommits}). Safe to share across threads; every write is one IMMEDIATE transaction.
 */
final class RecordStore {

    private final EmulatorDatabase db;
    private final Clock clock;
    private final LateCommits late;

    RecordStore(EmulatorDatabase db, Clock clock, LateCommits late) {
        this.db = db;
        this.clock = clock;
        this.late = late;
    }

    /** Rows as a REST read sees them: late commits still hidden. */
    List<Map<String, Object>> select(TableDef table, RecordQuery query) {
        return select(table, query, visibleRows(table));
    }

    /** Every stored row, late commits included: what the emulator's own hooks show. */
    List<Map<String, Object>> selectStored(TableDef table, RecordQuery query) {
        return select(table, query, new SqlFragment(table.sqlName(), List.of()));
    }

    private List<Map<String, Object>> select(TableDef table, RecordQuery query, SqlFragment from) {
        List<FieldDef> columns = query.grouped() || !query.select().isEmpty() ? query.select() : table.fields();
        List<String> items =
                new ArrayList<>(columns.stream().map(FieldDef::column).toList());
        String group = "";
        if (query.grouped()) {
            if (query.count()) {
                items.add("COUNT(*)");
            }
            group = " GROUP BY "
                    + query.groupBy().stream().map(FieldDef::column).collect(Collectors.joining(", "));
        }
        String list = String.join(", ", items);
        String sql = "SELECT " + list + " FROM " + from.sql() + whereSql(query.where()) + group + " ORDER BY "
                + String.join(", ", query.orderBy()) + " LIMIT ? OFFSET ?";
        List<Object> params = new ArrayList<>(from.params());
        params.addAll(whereParams(query.where()));
        params.add(query.limit());
        params.add(query.offset());
        boolean withCount = query.grouped() && query.count();
        return db.withConnection(c -> query(c, sql, params, columns, withCount));
    }

    long count(TableDef table, SqlFragment where) {
        SqlFragment from = visibleRows(table);
        String sql = "SELECT COUNT(*) FROM " + from.sql() + whereSql(where);
        List<Object> params = new ArrayList<>(from.params());
        params.addAll(whereParams(where));
        return db.withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Inserts a row; with {@code lateBy} it stays hidden from reads until its stamp plus that lag. */
    Map<String, Object> insert(TableDef table, Map<FieldDef, Object> values, Duration lateBy) {
        Instant stamp = clock.instant();
        Map<FieldDef, Object> row = new LinkedHashMap<>(values);
        for (FieldDef f : table.fields()) {
            if (f.type() == FieldType.TIMESTAMP && f.onInsert()) {
                row.put(f, DateTimes.at(stamp, f.zone()));
            }
        }
        String sql = row.isEmpty()
                ? "INSERT INTO " + table.sqlName() + " DEFAULT VALUES RETURNING " + allColumns(table)
                : "INSERT INTO " + table.sqlName() + " ("
                        + row.keySet().stream().map(FieldDef::column).collect(Collectors.joining(", "))
                        + ") VALUES (" + "?, ".repeat(row.size() - 1) + "?) RETURNING " + allColumns(table);
        List<Object> params = new ArrayList<>(row.values());
        return uniqueChecked(
                table,
                () -> db.inTransaction(c -> {
                    Map<String, Object> stored =
                            query(c, sql, params, table.fields(), false).get(0);
                    if (isLate(lateBy)) {
                        late.hideInsert(table.name(), (Long) stored.get(TableDef.PK), stamp.plus(lateBy));
                    }
                    return stored;
                }));
    }

    /**
     * Updates every row matching {@code where} and answers the rows as they are now. With {@code lateBy},
     * reads keep seeing the rows as they were until the stamp plus that lag.
     */
    List<Map<String, Object>> update(TableDef table, Map<FieldDef, Object> values, SqlFragment where, Duration lateBy) {
        Instant stamp = clock.instant();
        Map<FieldDef, Object> set = new LinkedHashMap<>(values);
        for (FieldDef f : table.fields()) {
            if (f.type() == FieldType.TIMESTAMP && f.onUpdate()) {
                set.put(f, DateTimes.at(stamp, f.zone()));
            }
        }
        String sql = "UPDATE " + table.sqlName() + " SET "
                + set.keySet().stream().map(f -> f.column() + " = ?").collect(Collectors.joining(", "))
                + whereSql(where) + " RETURNING " + allColumns(table);
        List<Object> params = new ArrayList<>(set.values());
        params.addAll(whereParams(where));
        List<Map<String, Object>> rows = uniqueChecked(
                table,
                () -> db.inTransaction(c -> {
                    Map<Long, Map<String, Object>> before = isLate(lateBy) ? storedValues(c, table, where) : Map.of();
                    List<Map<String, Object>> updated = query(c, sql, params, table.fields(), false);
                    if (isLate(lateBy)) {
                        late.holdBack(table.name(), before, stamp.plus(lateBy));
                    } else {
                        late.release(table.name(), pks(updated));
                    }
                    return updated;
                }));
        // RETURNING gives no order; answer in PK_ID order like a GET.
        List<Map<String, Object>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(r -> (Long) r.get(TableDef.PK)));
        return sorted;
    }

    int delete(TableDef table, SqlFragment where) {
        String sql = "DELETE FROM " + table.sqlName() + whereSql(where) + " RETURNING "
                + table.pk().column();
        return db.inTransaction(c -> {
            List<Long> deleted = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, sql, whereParams(where));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    deleted.add(rs.getLong(1));
                }
            }
            late.release(table.name(), deleted);
            return deleted.size();
        });
    }

    private static boolean isLate(Duration lateBy) {
        return lateBy != null && lateBy.isPositive();
    }

    /**
     * The table as readers see it now: the plain table, or, while late commits are pending, a subquery
     * without the hidden rows and with the earlier versions of late updates. SQLite takes each column's
     * collation from the first SELECT of the compound, so text still compares case-insensitively.
     */
    private SqlFragment visibleRows(TableDef table) {
        LateCommits.View view = late.view(table.name(), clock.instant());
        if (view.hidden().isEmpty()) {
            return new SqlFragment(table.sqlName(), List.of());
        }
        List<Object> params = new ArrayList<>(view.hidden());
        StringBuilder sql = new StringBuilder("(SELECT ")
                .append(allColumns(table))
                .append(" FROM ")
                .append(table.sqlName())
                .append(" WHERE ")
                .append(table.pk().column())
                .append(" NOT IN (")
                .append("?, ".repeat(view.hidden().size() - 1))
                .append("?)");
        String row = "(" + "?, ".repeat(table.fields().size() - 1) + "?)";
        for (int i = 0; i < view.before().size(); i++) {
            sql.append(i == 0 ? " UNION ALL VALUES " : ", ").append(row);
            for (FieldDef f : table.fields()) {
                params.add(view.before().get(i).get(f.name()));
            }
        }
        return new SqlFragment(sql.append(')').toString(), params);
    }

    /** The matching rows' stored values by field name, keyed by PK_ID, as SQLite holds them. */
    private static Map<Long, Map<String, Object>> storedValues(Connection c, TableDef table, SqlFragment where)
            throws SQLException {
        String sql = "SELECT " + allColumns(table) + " FROM " + table.sqlName() + whereSql(where);
        Map<Long, Map<String, Object>> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = prepare(c, sql, whereParams(where));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < table.fields().size(); i++) {
                    row.put(table.fields().get(i).name(), rs.getObject(i + 1));
                }
                rows.put(rs.getLong(1), row);
            }
        }
        return rows;
    }

    private static List<Long> pks(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (Long) r.get(TableDef.PK)).toList();
    }

    private static String allColumns(TableDef table) {
        return table.fields().stream().map(FieldDef::column).collect(Collectors.joining(", "));
    }

    private static String whereSql(SqlFragment where) {
        return where == null ? "" : " WHERE " + where.sql();
    }

    private static List<Object> whereParams(SqlFragment where) {
        return where == null ? List.of() : where.params();
    }

    private static List<Map<String, Object>> query(
            Connection c, String sql, List<Object> params, List<FieldDef> columns, boolean withCount)
            throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i).name(), FieldValues.fromRow(columns.get(i), rs, i + 1));
                }
                if (withCount) {
                    row.put(RecordQuery.COUNT_COLUMN, rs.getLong(columns.size() + 1));
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
