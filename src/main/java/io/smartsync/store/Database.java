package io.smartsync.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every port of the store runs its statements, one place for both databases. SQLite runs in WAL mode
 * with IMMEDIATE transactions, so concurrent writers wait for each other instead of failing. PostgreSQL
 * runs under READ COMMITTED with several instances writing at once: transactions that decide on a member's
 * notes take the member's write lock first (see {@link Dialect}), and a transaction PostgreSQL aborts as a
 * deadlock or a serialization failure is run again. Safe for use from many threads.
 */
final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");
    private static final int ATTEMPTS = 5;
    /** Page cache of a preload transaction on SQLite (the default is 2,000 KiB). */
    private static final int BULK_CACHE_KIB = 65_536;

    private final Jdbi jdbi;
    /** For {@link #relaxedTx}: on SQLite connections that commit without an fsync; on PostgreSQL a pool of its own whose connections run with {@code synchronous_commit} off. */
    private final Jdbi relaxed;

    private final String location;
    private final Dialect dialect;
    private final ChangeFeed changes;
    private final AutoCloseable resources;
    /**
     * SQLite lets one writer in at a time, and a writer that finds the file locked sleeps in SQLite's busy
     * handler (1, 2, 5, 10 … 100 ms) before it looks again: under many concurrent reads, each with its
     * marker write, those sleeps were the tail of the answer times. This process's writers queue here
     * instead, first come first served; another process (a {@code keys} command) still meets the busy
     * handler. Null on PostgreSQL, whose row locks queue writers themselves.
     */
    private final ReentrantLock sqliteWriter;

    /**
     * @param relaxed where {@link #relaxedTx} runs
     * @param location the store's printable location, for messages
     * @param resources what {@link #close()} closes: the connection pools and what else was opened with them
     */
    Database(Jdbi jdbi, Jdbi relaxed, String location, Dialect dialect, ChangeFeed changes, AutoCloseable resources) {
        this.jdbi = jdbi;
        this.relaxed = relaxed;
        this.location = location;
        this.dialect = dialect;
        this.changes = changes;
        this.resources = resources;
        this.sqliteWriter = dialect.isPostgres() ? null : new ReentrantLock(true);
    }

    Dialect dialect() {
        return dialect;
    }

    ChangeFeed changes() {
        return changes;
    }

    String location() {
        return location;
    }

    /**
     * One statement that only reads, outside a transaction: on SQLite it takes no write lock, so a
     * member's notes are read while a page is being stored.
     */
    <T> T read(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw new StoreException("store " + location + ": " + e.getMessage(), e);
        }
    }

    <T> T tx(HandleCallback<T, RuntimeException> work) {
        return retrying(() -> jdbi.inTransaction(h -> announcing(h, work)));
    }

    /**
     * Runs the transaction's work with a {@link ChangeLog}: what it changed among members' notes is
     * announced to other instances inside the transaction and handed to this instance's listeners once it
     * has committed. Every store method that writes notes runs through here.
     */
    private <T> T announcing(Handle h, HandleCallback<T, RuntimeException> work) {
        ChangeLog changeLog = ChangeLog.open(h);
        T result = work.withHandle(h);
        List<StoredChange> changed = changeLog.changes();
        if (!changed.isEmpty()) {
            changes.announce(h, changed);
            h.afterCommit(() -> changes.publish(changed));
        }
        return result;
    }

    /**
     * A transaction whose loss in a power cut costs nothing that matters: it commits without waiting for
     * the disk. On SQLite its connections run {@code synchronous=NORMAL}: the commit is in the WAL file
     * before it returns, so it survives a crash of this process, and the next ordinary commit's fsync
     * covers it too. On PostgreSQL its own connections run with {@code synchronous_commit} off.
     */
    <T> T relaxedTx(HandleCallback<T, RuntimeException> work) {
        return retrying(() -> relaxed.inTransaction(work));
    }

    /** A preload page write: on SQLite it runs with {@link #BULK_CACHE_KIB} of page cache. */
    <T> T bulkTx(HandleCallback<T, RuntimeException> work) {
        // Without a change log: a preload's pages announce nothing (thousands of members at a time).
        return dialect.isPostgres()
                ? retrying(() -> jdbi.inTransaction(work))
                : retrying(() -> jdbi.withHandle(h -> withBulkCache(h, work)));
    }

    private <T> T retrying(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return oneWriterAtATime(transaction);
            } catch (JdbiException e) {
                String state = sqlState(e);
                if (attempt < ATTEMPTS && RETRYABLE.contains(state)) {
                    log.debug("store {}: transaction aborted ({}), attempt {} runs it again", location, state, attempt);
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L << attempt));
                    continue;
                }
                throw new StoreException("store " + location + ": " + e.getMessage(), e);
            }
        }
    }

    private <T> T oneWriterAtATime(Supplier<T> transaction) {
        if (sqliteWriter == null) {
            return transaction.get();
        }
        sqliteWriter.lock();
        try {
            return transaction.get();
        } finally {
            sqliteWriter.unlock();
        }
    }

    /**
     * A preload transaction dirties thousands of index pages (note ids are random, so each page of rows
     * touches most leaf pages of the indexes on notes). In SQLite's default 2 MB cache those pages are
     * spilled to the WAL in the middle of the transaction and read back, some written several times; a
     * larger cache for that transaction, on the connection that runs it, writes each once. The cache goes
     * back to its size afterwards, so the pool's other connections and the idle service keep theirs.
     */
    private static <T> T withBulkCache(Handle h, HandleCallback<T, RuntimeException> work) {
        int before = h.createQuery("PRAGMA cache_size").mapTo(Integer.class).one();
        h.execute("PRAGMA cache_size = -" + BULK_CACHE_KIB);
        try {
            return h.inTransaction(work);
        } finally {
            h.execute("PRAGMA cache_size = " + before);
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    @Override
    public void close() {
        // The connection pools close here.
        try {
            resources.close();
        } catch (Exception e) {
            log.warn("store {}: closing failed: {}", location, e.toString());
        }
    }
}
