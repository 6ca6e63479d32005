package io.smartsync.emulator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** DDL for an emulated table, derived from its {@link TableDef}. */
final class Schema {

    private Schema() {}

    static boolean exists(Connection connection, TableDef table) throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The table's column names as SQLite has them, in order. */
    static List<String> columns(Connection connection, TableDef table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA table_info(" + table.sqlName() + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }

    static void create(Connection connection, TableDef table) throws SQLException {
        // AUTOINCREMENT so a deleted PK_ID is never handed out again, as with Caspio's AUTONUMBER.
        String columns = table.fields().stream()
                .map(f -> f.column() + " "
                        + (f.type() == FieldType.AUTONUMBER
                                ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                : f.type().sqliteType()))
                .collect(Collectors.joining(", "));
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE " + table.sqlName() + " (" + columns + ")");
            for (FieldDef f : table.fields()) {
                indexes(st, table, f);
            }
        }
    }

    /** Adds a column; rows already there hold NULL in it (CaspioRules). */
    static void addColumn(Connection connection, TableDef table, FieldDef field) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("ALTER TABLE " + table.sqlName() + " ADD COLUMN " + field.column() + " "
                    + field.type().sqliteType());
            indexes(st, table, field);
        }
    }

    /** Drops a column and its indexes. */
    static void dropColumn(Connection connection, TableDef table, FieldDef field) throws SQLException {
        try (Statement st = connection.createStatement()) {
            dropIndexes(st, table, field);
            st.execute("ALTER TABLE " + table.sqlName() + " DROP COLUMN " + field.column());
        }
    }

    /** Renames a column; its indexes are made again under the new name. */
    static void renameColumn(Connection connection, TableDef table, FieldDef from, FieldDef to) throws SQLException {
        try (Statement st = connection.createStatement()) {
            dropIndexes(st, table, from);
            st.execute("ALTER TABLE " + table.sqlName() + " RENAME COLUMN " + from.column() + " TO " + to.column());
            indexes(st, table, to);
        }
    }

    private static void dropIndexes(Statement st, TableDef table, FieldDef f) throws SQLException {
        st.execute("DROP INDEX IF EXISTS " + indexName(table, f));
        st.execute("DROP INDEX IF EXISTS \"ix_" + table.name() + "_" + f.name() + "\"");
    }

    private static void indexes(Statement st, TableDef table, FieldDef f) throws SQLException {
        if (f.unique() && f.type() != FieldType.AUTONUMBER) {
            // Partial index: rows without a value ('' or NULL) do not collide (CaspioRules).
            st.execute("CREATE UNIQUE INDEX " + indexName(table, f) + " ON " + table.sqlName() + " (" + f.column()
                    + ") WHERE " + f.column() + " IS NOT NULL AND " + f.column() + " <> ''");
        }
        if (f.type() == FieldType.TIMESTAMP) {
            st.execute("CREATE INDEX \"ix_" + table.name() + "_" + f.name() + "\" ON " + table.sqlName() + " ("
                    + f.column() + ")");
        }
    }

    static String indexName(TableDef table, FieldDef field) {
        return "\"ux_" + table.name() + "_" + field.name() + '"';
    }
}
