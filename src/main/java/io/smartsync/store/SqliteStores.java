package io.smartsync.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the store in an SQLite file: the schema migrated with the SQLite migrations, a pool of connections
 * that commit with an fsync, and a small one of connections that do not (for {@link Database#relaxedTx}).
 * One instance owns the file, so coordination is {@link SingleInstance} and the change feed hears only
 * this process.
 */
final class SqliteStores {
    private SqliteStores() {}

    static Store open(Path file, Clock clock, int cachedNotes) {
        SQLiteDataSource ds = sqlite(file, SQLiteConfig.SynchronousMode.FULL);
        String location = "sqlite:" + file.toAbsolutePath();
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration/sqlite")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new StoreException("store " + location + ": migration failed: " + e.getMessage(), e);
        }
        HikariDataSource pool = pooled(ds, location, 8);
        HikariDataSource relaxed;
        try {
            relaxed = pooled(sqlite(file, SQLiteConfig.SynchronousMode.NORMAL), location + " (relaxed)", 2);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        Database db = new Database(
                Jdbi.create(pool), Jdbi.create(relaxed), location, Dialect.SQLITE, new ChangeFeed(null), () -> {
                    relaxed.close();
                    pool.close();
                });
        return new Store(db, new SingleInstance(), clock, cachedNotes);
    }

    private static SQLiteDataSource sqlite(Path file, SQLiteConfig.SynchronousMode synchronous) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(synchronous);
        config.setBusyTimeout(30_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    /**
     * Keeps a few connections open: opening one costs file opens and a schema read, more than a
     * member's read itself. SQLite still lets one writer in at a time (IMMEDIATE transactions).
     */
    private static HikariDataSource pooled(DataSource ds, String location, int size) {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(ds);
        pool.setPoolName("store " + location);
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(1);
        return new HikariDataSource(pool);
    }
}
