package io.smartsync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated tables as they are now. Adding a field changes the SQLite table, the stored definition
 * and this catalog together; readers keep whichever definition they already hold, which is harmless
 * because a field is only ever added. Thread-safe: field additions are serialised, lookups lock-free.
 */
final class Catalog {

    record Opened(Catalog catalog, int seeded) {}

    private final EmulatorDatabase db;
    private volatile List<TableDef> tables;

    private Catalog(EmulatorDatabase db, List<TableDef> tables) {
        this.db = db;
        this.tables = List.copyOf(tables);
    }

    /**
     * Loads the stored tables, or creates the notes table in the configured shape and seeds it. A file
     * written before definitions were stored can only hold the SYNC_READY table, so that is adopted.
     * {@code seeded} is the number of notes seeded, or -1 when the table already existed.
     */
    static Opened open(EmulatorDatabase db, EmulatorConfig config) {
        return db.inTransaction(c -> {
            StoredDefinitions.ensureTable(c);
            TableDef wanted = NotesTable.of(config.shape(), config.syncIdUnique());
            Optional<TableDef> stored = StoredDefinitions.load(c, wanted.name());
            if (stored.isPresent()) {
                List<TableDef> all = new ArrayList<>();
                for (String name : StoredDefinitions.tableNames(c)) {
                    TableDef t = StoredDefinitions.load(c, name).orElseThrow();
                    if (!Schema.exists(c, t)) {
                        Schema.create(c, t);
                    }
                    all.add(t);
                }
                return new Opened(new Catalog(db, all), -1);
            }
            if (Schema.exists(c, wanted)) {
                TableDef legacy = NotesTable.SYNC_READY;
                List<String> expected =
                        legacy.fields().stream().map(FieldDef::name).toList();
                List<String> found = Schema.columns(c, legacy);
                if (!found.equals(expected)) {
                    throw new IllegalStateException("emulator db " + db.file() + ": table " + legacy.name()
                            + " has columns " + found + " but no stored definition; expected " + expected
                            + " (delete the file to start over)");
                }
                StoredDefinitions.saveAll(c, legacy);
                return new Opened(new Catalog(db, List.of(legacy)), -1);
            }
            Schema.create(c, wanted);
            StoredDefinitions.saveAll(c, wanted);
            int seeded = Seeder.seed(c, wanted, config);
            return new Opened(new Catalog(db, List.of(wanted)), seeded);
        });
    }

    /** The table by name, ignoring case as Caspio does. */
    TableDef table(String name) {
        return tables.stream()
                .filter(t -> t.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> CaspioApiException.notFound("Table '" + name + "' does not exist."));
    }

    List<String> names() {
        return tables.stream().map(TableDef::name).toList();
    }

    /** Adds the field to the table in SQLite and in the stored definition, in one transaction. */
    synchronized TableDef addField(String tableName, FieldDef field) {
        return addField(tableName, field, 0);
    }

    /**
     * Adds the field at {@code displayOrder} (1 = first; 0, or past the end, = last), in SQLite and in the
     * stored definition, in one transaction.
     */
    synchronized TableDef addField(String tableName, FieldDef field, int displayOrder) {
        TableDef table = table(tableName);
        if (table.field(field.name()).isPresent()) {
            throw CaspioApiException.badBody(
                    "Field '" + field.name() + "' already exists in table " + table.name() + ".");
        }
        List<FieldDef> fields = new ArrayList<>(table.fields());
        fields.add(position(displayOrder, fields.size()), field);
        TableDef grown = new TableDef(table.name(), fields);
        db.inTransaction(c -> {
            Schema.addColumn(c, table, field);
            StoredDefinitions.replaceAll(c, grown);
            return null;
        });
        return publish(grown);
    }

    /** Changes a field's name, label, description or place (v2's PUT names the changes New…). */
    synchronized TableDef changeField(String tableName, String fieldName, FieldChange change) {
        TableDef table = table(tableName);
        FieldDef old = field(table, fieldName);
        if (old.type() == FieldType.AUTONUMBER && old.name().equals(TableDef.PK)) {
            throw CaspioApiException.badBody("Field 'PK_ID' is maintained by Caspio and cannot be changed.");
        }
        FieldDef changed = change.applyTo(old);
        if (!changed.name().equalsIgnoreCase(old.name())
                && table.field(changed.name()).isPresent()) {
            throw CaspioApiException.badBody(
                    "Field '" + changed.name() + "' already exists in table " + table.name() + ".");
        }
        List<FieldDef> fields = new ArrayList<>(table.fields());
        fields.remove(old);
        int at = change.displayOrder() == null
                ? table.fields().indexOf(old)
                : position(change.displayOrder(), fields.size());
        fields.add(Math.max(1, at), changed);
        TableDef now = new TableDef(table.name(), fields);
        db.inTransaction(c -> {
            if (!changed.name().equals(old.name())) {
                Schema.renameColumn(c, table, old, changed);
            }
            StoredDefinitions.replaceAll(c, now);
            return null;
        });
        return publish(now);
    }

    /** Drops a field and its values. PK_ID cannot be dropped. */
    synchronized TableDef dropField(String tableName, String fieldName) {
        TableDef table = table(tableName);
        FieldDef field = field(table, fieldName);
        if (field.name().equals(TableDef.PK)) {
            throw CaspioApiException.badBody("Field 'PK_ID' is maintained by Caspio and cannot be deleted.");
        }
        List<FieldDef> fields = new ArrayList<>(table.fields());
        fields.remove(field);
        TableDef now = new TableDef(table.name(), fields);
        db.inTransaction(c -> {
            Schema.dropColumn(c, table, field);
            StoredDefinitions.replaceAll(c, now);
            return null;
        });
        return publish(now);
    }

    /** Creates a table with PK_ID first and the given fields. */
    synchronized TableDef createTable(String name, String note, List<FieldDef> fields) {
        if (tables.stream().anyMatch(t -> t.name().equalsIgnoreCase(name))) {
            throw CaspioApiException.badBody("Table '" + name + "' already exists.");
        }
        List<FieldDef> all = new ArrayList<>();
        all.add(FieldDef.of(TableDef.PK, FieldType.AUTONUMBER));
        all.addAll(fields);
        TableDef table;
        try {
            table = new TableDef(name, all);
        } catch (IllegalArgumentException e) {
            throw CaspioApiException.badBody("Table '" + name + "' cannot be created: " + e.getMessage() + ".");
        }
        db.inTransaction(c -> {
            Schema.create(c, table);
            StoredDefinitions.saveAll(c, table);
            StoredDefinitions.saveNote(c, name, note == null ? "" : note);
            return null;
        });
        List<TableDef> now = new ArrayList<>(tables);
        now.add(table);
        tables = List.copyOf(now);
        return table;
    }

    /** A table's description ({@code Note}), empty when none was given. */
    String note(String tableName) {
        String name = table(tableName).name();
        return db.inTransaction(c -> StoredDefinitions.notes(c).getOrDefault(name, ""));
    }

    /** Defines (or redefines) a read-only view over a table. */
    synchronized void defineView(String name, String tableName, String note) {
        if (!FieldDef.IDENTIFIER.matcher(name).matches()) {
            throw CaspioApiException.badBody("View name '" + name + "' is not a plain identifier.");
        }
        String table = table(tableName).name();
        db.inTransaction(c -> {
            StoredDefinitions.saveView(c, name, table, note == null ? "" : note);
            return null;
        });
    }

    /** The views by name: each its table and its note. */
    Map<String, List<String>> views() {
        return db.inTransaction(StoredDefinitions::views);
    }

    private static FieldDef field(TableDef table, String name) {
        return table.field(name)
                .orElseThrow(() -> CaspioApiException.notFound(
                        "Field '" + name + "' does not exist in table " + table.name() + "."));
    }

    /** Index in the list for a 1-based DisplayOrder; 0 or past the end is last; never before PK_ID. */
    private static int position(int displayOrder, int size) {
        return displayOrder <= 0 || displayOrder > size ? size : Math.max(1, displayOrder - 1);
    }

    private TableDef publish(TableDef changed) {
        List<TableDef> now = new ArrayList<>(tables);
        now.replaceAll(t -> t.name().equals(changed.name()) ? changed : t);
        tables = List.copyOf(now);
        return changed;
    }
}
