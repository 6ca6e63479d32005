package io.smartsync.emulator;

import java.util.ArrayList;
import java.util.List;
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
                if (!Schema.exists(c, stored.get())) {
                    Schema.create(c, stored.get());
                }
                return new Opened(new Catalog(db, List.of(stored.get())), -1);
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
        TableDef table = table(tableName);
        if (table.field(field.name()).isPresent()) {
            throw CaspioApiException.badBody(
                    "Field '" + field.name() + "' already exists in table " + table.name() + ".");
        }
        List<FieldDef> fields = new ArrayList<>(table.fields());
        fields.add(field);
        TableDef grown = new TableDef(table.name(), fields);
        db.inTransaction(c -> {
            Schema.addColumn(c, table, field);
            StoredDefinitions.save(c, table.name(), fields.size(), field);
            return null;
        });
        List<TableDef> now = new ArrayList<>(tables);
        now.replaceAll(t -> t.name().equals(table.name()) ? grown : t);
        tables = List.copyOf(now);
        return grown;
    }
}
