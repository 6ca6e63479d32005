package io.smartsync.store;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The service's durable state, opened once: one port per need, all on the same database and its
 * connection pools, which {@link #close()} closes. Safe for use from many threads.
 */
public final class Store implements AutoCloseable {
    private final Database db;
    private final Notes notes;
    private final Merges merges;
    private final Reconciliation reconciliation;
    private final SyncProgress progress;
    private final Outbox outbox;
    private final Conflicts conflicts;
    private final History history;
    private final Reports reports;
    private final AccessRecords access;
    private final Coordination coordination;

    Store(Database db, Coordination coordination, Clock clock, int cachedNotes) {
        this.db = db;
        this.coordination = coordination;
        this.notes = new JdbcNotes(db, clock, cachedNotes);
        this.merges = new JdbcMerges(db, clock);
        this.reconciliation = new JdbcReconciliation(db, clock);
        this.progress = new JdbcSyncProgress(db);
        this.outbox = new JdbcOutbox(db, clock);
        this.conflicts = new JdbcConflicts(db, clock);
        this.history = new JdbcHistory(db);
        this.reports = new JdbcReports(db::tx, db::relaxedTx);
        this.access = new JdbcAccessRecords(db::tx);
    }

    /** The default of {@link #open(StoreLocation, Clock, int)}'s bound on the notes held in memory. */
    public static final int DEFAULT_CACHED_NOTES = ServedCache.DEFAULT_NOTES;

    /** Opens (and creates or migrates) the store at {@code location}. */
    public static Store open(StoreLocation location, Clock clock) {
        return open(location, clock, DEFAULT_CACHED_NOTES);
    }

    /**
     * Opens (and creates or migrates) the store at {@code location}, holding in memory at most
     * {@code cachedNotes} notes of the members last served (0: none), each checked against the member's
     * version in the store at every answer.
     */
    public static Store open(StoreLocation location, Clock clock, int cachedNotes) {
        return location.isPostgres()
                ? PostgresStores.open(location, clock, cachedNotes)
                : SqliteStores.open(location.sqliteFile(), clock, cachedNotes);
    }

    /** Opens (and creates or migrates) the SQLite store in {@code file}. */
    public static Store openSqlite(Path file, Clock clock) {
        return SqliteStores.open(file, clock, DEFAULT_CACHED_NOTES);
    }

    /** Members' notes as the API reads and writes them. */
    public Notes notes() {
        return notes;
    }

    /** Rows read from Caspio, stored through the one merge rule. */
    public Merges merges() {
        return merges;
    }

    /** What the delete check counts and settles. */
    public Reconciliation reconciliation() {
        return reconciliation;
    }

    /** Members' sync status and the table-wide cursors. */
    public SyncProgress progress() {
        return progress;
    }

    /** The queue of local writes waiting for Caspio. */
    public Outbox outbox() {
        return outbox;
    }

    public Conflicts conflicts() {
        return conflicts;
    }

    /** The history of sync runs. */
    public History history() {
        return history;
    }

    /** Figures for health checks, meters and the seed's sync metrics. */
    public Reports reports() {
        return reports;
    }

    /** API keys, users, sessions and the audit log, in the same database. */
    public AccessRecords access() {
        return access;
    }

    /** Who runs the global poll and the reconcile, and one initial sync of a member at a time. */
    public Coordination coordination() {
        return coordination;
    }

    /** Every committed change of members' notes, this instance's and (on PostgreSQL) the other instances'. */
    public ChangeFeed changes() {
        return db.changes();
    }

    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "Store[" + db.location() + "]";
    }

    /** For the store's own tests. */
    Database database() {
        return db;
    }
}
