package io.smartsync.emulator;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** A failure of the emulator's own SQLite file; the message names the file and SQLite's reason. */
final class EmulatorStoreException extends RuntimeException {

    EmulatorStoreException(String message, SQLException cause) {
        super(message, cause);
    }

    boolean uniqueViolation() {
        return getCause() instanceof SQLiteException e
                && (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                        || String.valueOf(e.getMessage()).contains("UNIQUE constraint failed"));
    }
}
