package io.smartsync.store;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where the store lives: an SQLite file (one instance) or a PostgreSQL database that several instances
 * share. Printed forms hide any password the URL carries.
 *
 * @param sqliteFile the SQLite file, or null for PostgreSQL
 * @param postgresUrl the {@code jdbc:postgresql:} URL, or null for SQLite
 */
public record StoreLocation(Path sqliteFile, String postgresUrl) {
    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)((?:ssl)?password=)[^&]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");

    public StoreLocation {
        if ((sqliteFile == null) == (postgresUrl == null)) {
            throw new IllegalArgumentException("a store is either an SQLite file or a PostgreSQL URL");
        }
    }

    public static StoreLocation sqlite(Path file) {
        return new StoreLocation(file, null);
    }

    public static StoreLocation postgres(String jdbcUrl) {
        if (!jdbcUrl.startsWith(POSTGRES_PREFIX)) {
            throw new IllegalArgumentException("a PostgreSQL store URL starts with " + POSTGRES_PREFIX);
        }
        return new StoreLocation(null, jdbcUrl);
    }

    /**
     * Reads a setting's value: a {@code jdbc:postgresql:} URL, a {@code jdbc:sqlite:} URL, or a plain
     * file path for SQLite.
     *
     * @throws IllegalArgumentException for an empty value or a JDBC URL of another database
     */
    public static StoreLocation parse(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("is empty; give an SQLite file path or a jdbc:postgresql:// URL");
        }
        if (v.startsWith(POSTGRES_PREFIX)) {
            return postgres(v);
        }
        if (v.startsWith(SQLITE_PREFIX)) {
            return sqlite(Path.of(v.substring(SQLITE_PREFIX.length())));
        }
        if (v.startsWith("jdbc:")) {
            throw new IllegalArgumentException(
                    "names a database this service cannot use (" + v.substring(0, v.indexOf(':', 5) + 1)
                            + "); give an SQLite file path or a jdbc:postgresql:// URL");
        }
        return sqlite(Path.of(v));
    }

    public boolean isPostgres() {
        return postgresUrl != null;
    }

    /** The location with any password replaced by {@code ***}: the only form that may be logged. */
    public String redacted() {
        if (!isPostgres()) {
            return "sqlite:" + sqliteFile.toAbsolutePath();
        }
        String url = PASSWORD_PARAM.matcher(postgresUrl).replaceAll("$1***");
        return USER_INFO.matcher(url).replaceAll("//$1:***@");
    }

    @Override
    public String toString() {
        return redacted();
    }
}
