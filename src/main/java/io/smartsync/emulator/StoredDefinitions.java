package io.smartsync.emulator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table definitions kept inside the emulator's database, so a reopened file is served with the
 * fields it was created with, plus those added later, whatever shape the new run asks for.
 */
final class StoredDefinitions {

    private static final String TABLE = "\"_emulator_fields\"";
    private static final String TABLES = "\"_emulator_tables\"";
    private static final String VIEWS = "\"_emulator_views\"";

    private StoredDefinitions() {}

    static void ensureTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (table_name TEXT NOT NULL, position INTEGER NOT NULL,"
                    + " name TEXT NOT NULL, type TEXT NOT NULL, is_unique INTEGER NOT NULL,"
                    + " on_insert INTEGER NOT NULL, on_update INTEGER NOT NULL, time_zone TEXT, length INTEGER,"
                    + " description TEXT NOT NULL, PRIMARY KEY (table_name, position))");
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLES + " (name TEXT PRIMARY KEY, note TEXT NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS " + VIEWS
                    + " (name TEXT PRIMARY KEY, table_name TEXT NOT NULL, note TEXT NOT NULL)");
        }
        boolean labelled = false;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA table_info(" + TABLE + ")")) {
            while (rs.next()) {
                labelled |= rs.getString("name").equals("label");
            }
        }
        if (!labelled) { // a file from before labels were kept
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE " + TABLE + " ADD COLUMN label TEXT");
            }
        }
    }

    /** The names of the tables with a stored definition, in the order they were made. */
    static List<String> tableNames(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT table_name FROM " + TABLE + " GROUP BY table_name ORDER BY MIN(rowid)")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Rewrites a table's stored fields in their new order (after a field was moved, renamed or dropped). */
    static void replaceAll(Connection c, TableDef table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE table_name = ?")) {
            ps.setString(1, table.name());
            ps.executeUpdate();
        }
        saveAll(c, table);
    }

    static Map<String, String> notes(Connection c) throws SQLException {
        Map<String, String> notes = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT name, note FROM " + TABLES)) {
            while (rs.next()) {
                notes.put(rs.getString(1), rs.getString(2));
            }
        }
        return notes;
    }

    static void saveNote(Connection c, String table, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLES + " (name, note) VALUES (?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET note = excluded.note")) {
            ps.setString(1, table);
            ps.setString(2, note);
            ps.executeUpdate();
        }
    }

    /** The views: name to {table, note}. */
    static Map<String, List<String>> views(Connection c) throws SQLException {
        Map<String, List<String>> views = new java.util.LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT name, table_name, note FROM " + VIEWS + " ORDER BY name")) {
            while (rs.next()) {
                views.put(rs.getString(1), List.of(rs.getString(2), rs.getString(3)));
            }
        }
        return views;
    }

    static void saveView(Connection c, String name, String table, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + VIEWS + " (name, table_name, note)"
                + " VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET table_name = excluded.table_name,"
                + " note = excluded.note")) {
            ps.setString(1, name);
            ps.setString(2, table);
            ps.setString(3, note);
            ps.executeUpdate();
        }
    }

    static Optional<TableDef> load(Connection c, String table) throws SQLException {
        List<FieldDef> fields = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, type, is_unique, on_insert, on_update, time_zone,"
                + " length, description, label FROM " + TABLE + " WHERE table_name = ? ORDER BY position")) {
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
                            rs.getString("description"),
                            rs.getString("label")));
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
                + " description, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            ps.setString(11, f.label());
            ps.executeUpdate();
        }
    }
}
