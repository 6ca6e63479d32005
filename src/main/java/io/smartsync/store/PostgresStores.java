package io.smartsync.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens the store on PostgreSQL: a connection pool for transactions, a small one for initial-sync locks,
 * the schema migrated with the PostgreSQL migrations (same versions as SQLite's), and the advisory-lock
 * keys of the schema the URL names ({@code currentSchema}, else the user's default), and a listener for
 * the changes other instances announce on that schema's channel.
 */
final class PostgresStores {
    private static final int POOL_SIZE = 10;
    private static final int LOCK_POOL_SIZE = 8;
    /** For {@link Database#relaxedTx} (member reads): apart, so reads never queue behind pulls and pushes. */
    private static final int RELAXED_POOL_SIZE = 6;

    private PostgresStores() {}

    static Store open(StoreLocation location, Clock clock, int cachedNotes) {
        String where = location.redacted();
        HikariDataSource pool = null;
        HikariDataSource lockPool = null;
        HikariDataSource relaxedPool = null;
        try {
            pool = pool(location.postgresUrl(), "smartsync-store", POOL_SIZE, 1);
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration/postgresql")
                    .load()
                    .migrate();
            lockPool = pool(location.postgresUrl(), "smartsync-sync-locks", LOCK_POOL_SIZE, 0);
            // Set once per connection, not per transaction: a read saves the round trip of a SET LOCAL.
            relaxedPool = pool(
                    location.postgresUrl(), "smartsync-relaxed", RELAXED_POOL_SIZE, 0, "SET synchronous_commit TO OFF");
            Jdbi jdbi = Jdbi.create(pool);
            LockKeys keys = LockKeys.of(jdbi);
            PostgresCoordination coordination =
                    new PostgresCoordination(pool, lockPool, keys, app -> leaderConnection(location, app));
            ChangeFeed feed = new ChangeFeed("smartsync_changes_" + Integer.toUnsignedString(keys.lead()));
            PostgresChangeListener listener = new PostgresChangeListener(feed, app -> leaderConnection(location, app));
            listener.start();
            HikariDataSource p = pool;
            HikariDataSource l = lockPool;
            HikariDataSource r = relaxedPool;
            Database db =
                    new Database(jdbi, Jdbi.create(relaxedPool), where, Dialect.postgres(keys.write()), feed, () -> {
                        listener.close();
                        coordination.close();
                        r.close();
                        l.close();
                        p.close();
                    });
            return new Store(db, coordination, clock, cachedNotes);
        } catch (RuntimeException e) {
            if (relaxedPool != null) {
                relaxedPool.close();
            }
            if (lockPool != null) {
                lockPool.close();
            }
            if (pool != null) {
                pool.close();
            }
            throw new StoreException("store " + where + ": cannot open: " + hidden(e, location), e);
        }
    }

    private static HikariDataSource pool(String url, String name, int size, int minIdle) {
        return pool(url, name, size, minIdle, null);
    }

    private static HikariDataSource pool(String url, String name, int size, int minIdle, String initSql) {
        HikariConfig config = new HikariConfig();
        config.setConnectionInitSql(initSql);
        config.setJdbcUrl(url);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(minIdle);
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("ApplicationName", "smartsync");
        return new HikariDataSource(config);
    }

    private static Connection leaderConnection(StoreLocation location, String applicationName) throws SQLException {
        Properties props = new Properties();
        props.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(location.postgresUrl(), props);
    }

    /** The failure's message, with the URL (and so any password in it) replaced by its printable form. */
    private static String hidden(RuntimeException e, StoreLocation location) {
        String message = String.valueOf(e.getMessage());
        return message.replace(location.postgresUrl(), location.redacted());
    }
}
