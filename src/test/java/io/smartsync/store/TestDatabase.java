package io.smartsync.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A store location of its own for one test: a fresh SQLite file, or a fresh schema in the PostgreSQL
 * server named by {@code SMARTSYNC_TEST_POSTGRES_URL} (default {@value #DEFAULT_URL}), dropped on close so
 * tests never see each other's rows. When that server does not answer, a PostgreSQL test is skipped with
 * the reason printed, or fails where {@code SMARTSYNC_REQUIRE_POSTGRES=1} (CI).
 */
public final class TestDatabase implements AutoCloseable {
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static volatile String unavailable;
    private static volatile boolean checked;

    private final StoreLocation location;
    private final String schema;

    private TestDatabase(StoreLocation location, String schema) {
        this.location = location;
        this.schema = schema;
    }

    /** A fresh store location of {@code kind}; SQLite files go in {@code dir}. */
    public static TestDatabase create(StoreKind kind, Path dir) {
        if (kind == StoreKind.SQLITE) {
            return new TestDatabase(StoreLocation.sqlite(dir.resolve("store-" + UUID.randomUUID() + ".db")), null);
        }
        requirePostgres();
        String schema = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute(serverUrl(), "CREATE SCHEMA " + schema);
        String url = serverUrl() + (serverUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(StoreLocation.postgres(url), schema);
    }

    public StoreLocation location() {
        return location;
    }

    public Store open(Clock clock) {
        return Store.open(location, clock);
    }

    /** The server's URL for tests. */
    public static String serverUrl() {
        String url = System.getenv("SMARTSYNC_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    /** Skips the calling test when no PostgreSQL server answers, or fails it where one is required. */
    public static void requirePostgres() {
        if (!checked) {
            synchronized (TestDatabase.class) {
                if (!checked) {
                    unavailable = probe();
                    checked = true;
                    if (unavailable != null) {
                        System.out.println("PostgreSQL tests: " + unavailable);
                    }
                }
            }
        }
        if (unavailable == null) {
            return;
        }
        if ("1".equals(System.getenv("SMARTSYNC_REQUIRE_POSTGRES"))) {
            throw new IllegalStateException("SMARTSYNC_REQUIRE_POSTGRES=1 but " + unavailable);
        }
        Assumptions.abort(unavailable + " (set SMARTSYNC_TEST_POSTGRES_URL to run these tests)");
    }

    private static String probe() {
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(serverUrl())) {
            return c.isValid(3) ? null : "the PostgreSQL server does not answer";
        } catch (SQLException e) {
            return "no PostgreSQL server answers at "
                    + StoreLocation.postgres(serverUrl()).redacted() + ": " + e.getMessage();
        }
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Closes what a test opened, in order, skipping what it never got to open (a skipped PostgreSQL
     * test opens nothing).
     */
    public static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable r : resources) {
            if (r != null) {
                try {
                    r.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + r + " failed: " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public void close() {
        if (schema != null) {
            execute(serverUrl(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Override
    public String toString() {
        return location.redacted();
    }
}
