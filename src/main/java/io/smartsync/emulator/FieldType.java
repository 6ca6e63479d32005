package io.smartsync.emulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Caspio field types the emulator stores, with the name Caspio uses for each on the wire. */
enum FieldType {
    AUTONUMBER("AUTONUMBER", "INTEGER"),
    STRING("STRING", "TEXT COLLATE " + CaspioRules.TEXT_COLLATION),
    TEXT("TEXT", "TEXT COLLATE " + CaspioRules.TEXT_COLLATION),
    NUMBER("NUMBER", "REAL"),
    INTEGER("INTEGER", "INTEGER"),
    CURRENCY("CURRENCY", "REAL"),
    DATE_TIME("DATE/TIME", "TEXT"),
    YES_NO("YES/NO", "INTEGER"),
    TIMESTAMP("TIMESTAMP", "TEXT");

    private final String caspioName;
    private final String sqliteType;

    FieldType(String caspioName, String sqliteType) {
        this.caspioName = caspioName;
        this.sqliteType = sqliteType;
    }

    /** The type Caspio calls {@code name}, ignoring case. */
    static Optional<FieldType> fromCaspioName(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.caspioName.equals(wanted)).findFirst();
    }

    String caspioName() {
        return caspioName;
    }

    String sqliteType() {
        return sqliteType;
    }

    /** Values of these types are kept by Caspio itself and refused in request bodies. */
    boolean systemMaintained() {
        return this == AUTONUMBER || this == TIMESTAMP;
    }

    boolean temporal() {
        return this == DATE_TIME || this == TIMESTAMP;
    }

    boolean numeric() {
        return this == AUTONUMBER || this == NUMBER || this == INTEGER || this == CURRENCY;
    }

    boolean integral() {
        return this == AUTONUMBER || this == INTEGER;
    }

    boolean textual() {
        return this == STRING || this == TEXT;
    }
}
