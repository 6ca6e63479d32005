package io.smartsync.emulator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table definitions kept inside the emulator's database, so a reopened file is served with the
 * fields it was created with, plus those added later, whatever shape the new run asks for.
 */
final class StoredDefinitions {

    private static final String TABLE = "\"_emulator_fields\"";

    private StoredDefinitions() {}

    static void ensureTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (table_name TEXT NOT NULL, position INTEGER NOT NULL,"
                    + " name TEXT NOT NULL, type TEXT NOT NULL, is_unique INTEGER NOT NULL,"
                    + " on_insert INTEGER NOT NULL, on_update INTEGER NOT NULL, time_zone TEXT, length INTEGER,"
                    + " description TEXT NOT NULL, PRIMARY KEY (table_name, position))");
        }
    }

    static Optional<TableDef> load(Connection c, String table) throws SQLException {
        List<FieldDef> fields = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, type, is_unique, on_insert, on_update, time_zone,"
                + " length, description FROM " + TABLE + " WHERE table_name = ? ORDER BY position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String typeName = rs.getString("type");
                    FieldType type = FieldType.fromCaspioName(typeName)
                            .orElseThrow(() -> new IllegalStateException(
                                    "emulator db: stored field type '" + typeName + "' is unknown"));
                    int length = rs.getInt("length");
                    fields.add(new FieldDef(
                            rs.getString("name"),
                            type,
                            rs.getInt("is_unique") != 0,
                            rs.getInt("on_insert") != 0,
                            rs.getInt("on_update") != 0,
                            rs.getString("time_zone"),
                            rs.wasNull() ? null : length,
                            rs.getString("description")));
                }
            }
        }
        return fields.isEmpty() ? Optional.empty() : Optional.of(new TableDef(table, fields));
    }

    static void saveAll(Connection c, TableDef table) throws SQLException {
        for (int i = 0; i < table.fields().size(); i++) {
            save(c, table.name(), i + 1, table.fields().get(i));
        }
    }

    static void save(Connection c, String table, int position, FieldDef f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                + " (table_name, position, name, type, is_unique, on_insert, on_update, time_zone, length,"
                + " description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, table);
            ps.setInt(2, position);
            ps.setString(3, f.name());
            ps.setString(4, f.type().caspioName());
            ps.setInt(5, f.unique() ? 1 : 0);
            ps.setInt(6, f.onInsert() ? 1 : 0);
            ps.setInt(7, f.onUpdate() ? 1 : 0);
            ps.setString(8, f.timeZone());
            ps.setObject(9, f.length());
            ps.setString(10, f.description());
            ps.executeUpdate();
        }
    }
}
