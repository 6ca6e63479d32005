package io.smartsync.emulator;

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
