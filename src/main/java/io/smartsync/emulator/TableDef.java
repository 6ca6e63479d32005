package io.smartsync.emulator;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An emulated table as data, so another shape (the original app's, with a numeric Client_ID2) is a
 * new constant rather than new code. Field lookup ignores case, as SQL Server does.
 */
record TableDef(String name, List<FieldDef> fields) {

    static final String PK = "PK_ID";

    TableDef {
        Objects.requireNonNull(name, "name");
        if (!FieldDef.IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("table name '" + name + "' is not a plain identifier");
        }
        fields = List.copyOf(fields);
        Set<String> seen = new HashSet<>();
        for (FieldDef f : fields) {
            if (!seen.add(f.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("table " + name + ": field " + f.name() + " defined twice");
            }
        }
        if (fields.isEmpty()
                || !fields.get(0).name().equals(PK)
                || fields.get(0).type() != FieldType.AUTONUMBER) {
            throw new IllegalArgumentException("table " + name + ": the first field must be PK_ID AUTONUMBER");
        }
    }

    Optional<FieldDef> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(fieldName)).findFirst();
    }

    FieldDef pk() {
        return fields.get(0);
    }

    /** The SQL table name; safe to paste because the compact constructor admits identifiers only. */
    String sqlName() {
        return '"' + name + '"';
    }
}
