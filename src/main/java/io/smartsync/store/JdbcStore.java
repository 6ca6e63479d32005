package io.smartsync.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.smartsync.note.Conflict;
import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.note.NotePosition;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.OutboxEntry;
import io.smartsync.note.Position;
import io.smartsync.note.SyncState;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * {@link LocalStore} on JDBC, one class for both databases. SQLite runs in WAL mode with IMMEDIATE
 * transactions, so concurrent writers wait for each other instead of failing. PostgreSQL runs under READ
 * COMMITTED with several instances writing at once: transactions that decide on a member's notes take
 * the member's write lock first (see {@link Dialect}), and a transaction PostgreSQL aborts as a deadlock
 * or a serialization failure is run again. Safe for use from many threads.
 */
public final class JdbcStore implements LocalStore {
    private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");
    private static final int ATTEMPTS = 5;
    /** Page cache of a preload transaction on SQLite (the default is 2,000 KiB). */
    private static final int BULK_CACHE_KIB = 65_536;

    private final Jdbi jdbi;
    /** For {@link #relaxedTx}: on SQLite connections that commit without an fsync; on PostgreSQL {@link #jdbi}. */
    private final Jdbi relaxed;

    private final Clock clock;
    private final String location;
    private final Dialect dialect;
    private final Coordination coordination;
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

    private final AccessRecords access = new JdbcAccessRecords(this::tx);
    private final Reports reports = new JdbcReports(this::tx);

    private JdbcStore(
            Jdbi jdbi,
            Jdbi relaxed,
            Clock clock,
            String location,
            Dialect dialect,
            Coordination coordination,
            ChangeFeed changes,
            AutoCloseable resources) {
        this.jdbi = jdbi;
        this.relaxed = relaxed;
        this.clock = clock;
        this.location = location;
        this.dialect = dialect;
        this.coordination = coordination;
        this.changes = changes;
        this.resources = resources;
        this.sqliteWriter = dialect.isPostgres() ? null : new ReentrantLock(true);
    }

    /** Opens (and creates or migrates) the store at {@code location}. */
    public static JdbcStore open(StoreLocation location, Clock clock) {
        return location.isPostgres()
                ? PostgresStores.open(location, clock, JdbcStore::new)
                : openSqlite(location.sqliteFile(), clock);
    }

    /** How {@link PostgresStores} makes the store it opened. */
    @FunctionalInterface
    interface Assembly {
        JdbcStore make(
                Jdbi jdbi,
                Jdbi relaxed,
                Clock clock,
                String location,
                Dialect dialect,
                Coordination coordination,
                ChangeFeed changes,
                AutoCloseable resources);
    }

    /** Opens (and creates or migrates) the SQLite store in {@code file}. */
    public static JdbcStore openSqlite(Path file, Clock clock) {
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
        return new JdbcStore(
                Jdbi.create(pool),
                Jdbi.create(relaxed),
                clock,
                location,
                Dialect.SQLITE,
                new SingleInstance(),
                new ChangeFeed(null),
                () -> {
                    relaxed.close();
                    pool.close();
                });
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

    /**
     * One statement that only reads, outside a transaction: on SQLite it takes no write lock, so a
     * member's notes are read while a page is being stored.
     */
    private <T> T read(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw new StoreException("store " + location + ": " + e.getMessage(), e);
        }
    }

    private <T> T tx(HandleCallback<T, RuntimeException> work) {
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
     * covers it too. On PostgreSQL it turns {@code synchronous_commit} off for itself alone.
     */
    private <T> T relaxedTx(HandleCallback<T, RuntimeException> work) {
        return retrying(() -> relaxed.inTransaction(h -> {
            dialect.relaxDurability(h);
            return work.withHandle(h);
        }));
    }

    /** A preload page write: on SQLite it runs with {@link #BULK_CACHE_KIB} of page cache. */
    private <T> T bulkTx(HandleCallback<T, RuntimeException> work) {
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
    public Coordination coordination() {
        return coordination;
    }

    @Override
    public ChangeFeed changes() {
        return changes;
    }

    @Override
    public Optional<MemberSyncStatus> status(MemberId member) {
        return read(h -> StatusSql.find(h, member));
    }

    @Override
    public PullResult applyPulled(List<Note> rows, MemberSyncStatus reached, Instant readAt) {
        Instant now = clock.instant();
        return tx(h -> {
            dialect.lockMembers(h, List.of(reached.member()));
            PullResult result = MergeWrite.rows(h, rows, readAt, now);
            StatusSql.upsert(h, withCounts(h, notBehind(h, reached)));
            return result;
        });
    }

    /**
     * A table-wide preload may have moved the member on while this pull ran: its cursor, completion and
     * last sync never go back.
     */
    private static MemberSyncStatus notBehind(Handle h, MemberSyncStatus reached) {
        Optional<MemberSyncStatus> found = StatusSql.find(h, reached.member());
        if (found.isEmpty()) {
            return reached;
        }
        MemberSyncStatus stored = found.get();
        boolean storedFurther = Position.of(stored.cursorStamp(), stored.cursorPk())
                .isAfter(Position.of(reached.cursorStamp(), reached.cursorPk()));
        Instant lastSync = reached.lastSyncAt() == null
                        || (stored.lastSyncAt() != null && stored.lastSyncAt().isAfter(reached.lastSyncAt()))
                ? stored.lastSyncAt()
                : reached.lastSyncAt();
        return new MemberSyncStatus(
                reached.member(),
                reached.initialSyncCompleted() || stored.initialSyncCompleted(),
                lastSync,
                storedFurther ? stored.cursorStamp() : reached.cursorStamp(),
                storedFurther ? stored.cursorPk() : reached.cursorPk(),
                reached.totalNotesCount(),
                reached.lastNoteId());
    }

    @Override
    public PullResult applyPreloaded(List<Note> rows, String cursor, TableCursor reached, Instant readAt) {
        Instant now = clock.instant();
        return bulkTx(h -> {
            // Serialised with every other write of these members, as the other merge paths are: on
            // PostgreSQL a local edit or a pushed delete could otherwise commit between the page's reads
            // and its writes, and be overwritten.
            dialect.lockMembers(h, rows.stream().map(Note::member).toList());
            PullResult result = MergeWrite.rows(h, rows, readAt, now);
            StatusSql.startOrAdvance(h, MergeWrite.newestOfEachMember(rows));
            CursorSql.save(h, cursor, reached);
            return result;
        });
    }

    @Override
    public int finishPreload(String cursor, TableCursor reached) {
        return tx(h -> {
            CursorSql.save(h, cursor, reached);
            return StatusSql.completeAll(h, reached.finishedAt());
        });
    }

    @Override
    public PullResult applyPolled(
            List<Note> rows, Collection<MemberCursor> positions, TableCursor reached, Instant readAt) {
        Instant now = clock.instant();
        return tx(h -> {
            Set<MemberId> touched = new HashSet<>();
            rows.forEach(r -> touched.add(r.member()));
            positions.forEach(p -> touched.add(p.member()));
            dialect.lockMembers(h, touched);
            // Decided again here: a member cleared, or synced, since the poll asked is seen as it is now.
            Set<MemberId> synced = StatusSql.completedAmong(h, touched);
            List<Note> ofSyncedMembers =
                    rows.stream().filter(r -> synced.contains(r.member())).toList();
            for (MemberCursor p : positions) {
                if (synced.contains(p.member())) {
                    StatusSql.advanceCursor(h, p.member(), p.stamp(), p.pk());
                }
            }
            PullResult result = MergeWrite.rows(h, ofSyncedMembers, readAt, now);
            CursorSql.save(h, "poll", reached);
            return result;
        });
    }

    @Override
    public Set<MemberId> syncedAmong(Collection<MemberId> members) {
        return read(h -> StatusSql.completedAmong(h, members));
    }

    @Override
    public List<MemberId> membersWithCaspioRows() {
        return read(NoteSql::membersWithCaspioRows);
    }

    @Override
    public Map<MemberId, StoredKeys> storedKeysByMember() {
        return read(NoteSql::storedKeysByMember);
    }

    @Override
    public StoredKeys storedKeys(MemberId member) {
        return read(h -> NoteSql.storedKeys(h, member));
    }

    @Override
    public int applyListing(
            Collection<MemberId> members,
            Set<Long> livePks,
            long afterPk,
            long upToPk,
            Instant readAt,
            Duration commitLag) {
        Instant now = clock.instant();
        return tx(h -> {
            dialect.lockMembers(
                    h,
                    members != null
                            ? members
                            : NoteSql.storedWithCaspioRow(h, null, afterPk, upToPk).stream()
                                    .filter(s -> !livePks.contains(s.note().pkId()))
                                    .map(s -> s.note().member())
                                    .toList());
            return MergeWrite.absent(h, members, livePks, afterPk, upToPk, readAt, commitLag, now);
        });
    }

    @Override
    public void markReconciled(MemberId member, Instant at) {
        tx(h -> {
            StatusSql.markReconciled(h, member, at);
            return null;
        });
    }

    @Override
    public Optional<Instant> lastReconciled(MemberId member) {
        return read(h -> StatusSql.lastReconciled(h, member));
    }

    @Override
    public PullResult applyRead(List<Note> rows, Instant readAt) {
        Instant now = clock.instant();
        return tx(h -> {
            dialect.lockMembers(h, rows.stream().map(Note::member).toList());
            Set<MemberId> synced =
                    StatusSql.completedAmong(h, rows.stream().map(Note::member).toList());
            List<Note> ofSyncedMembers =
                    rows.stream().filter(r -> synced.contains(r.member())).toList();
            return MergeWrite.rows(h, ofSyncedMembers, readAt, now);
        });
    }

    @Override
    public Optional<TableCursor> tableCursor(String name) {
        return read(h -> CursorSql.find(h, name));
    }

    @Override
    public void saveTableCursor(String name, TableCursor cursor) {
        tx(h -> {
            CursorSql.save(h, name, cursor);
            return null;
        });
    }

    @Override
    public MemberSyncStatus finishSync(MemberId member, Instant at) {
        return tx(h -> {
            dialect.lockMembers(h, List.of(member));
            MemberSyncStatus s = StatusSql.find(h, member).orElse(MemberSyncStatus.fresh(member));
            MemberSyncStatus finished = withCounts(
                    h,
                    new MemberSyncStatus(
                            member,
                            s.initialSyncCompleted(),
                            at,
                            s.cursorStamp(),
                            s.cursorPk(),
                            s.totalNotesCount(),
                            s.lastNoteId()));
            StatusSql.upsert(h, finished);
            return finished;
        });
    }

    private static MemberSyncStatus withCounts(Handle h, MemberSyncStatus s) {
        List<Note> notes = NoteSql.forMember(h, s.member());
        String lastNoteId = notes.isEmpty() ? null : notes.getFirst().noteId();
        return new MemberSyncStatus(
                s.member(),
                s.initialSyncCompleted(),
                s.lastSyncAt(),
                s.cursorStamp(),
                s.cursorPk(),
                notes.size(),
                lastNoteId);
    }

    @Override
    public Served serve(MemberId member, Instant changedSince, AuditRecord auditLine) {
        Instant now = clock.instant();
        // The marker only sets what the next answer counts as new: losing it in a power cut shows a few
        // notes as new twice, so its commit does not wait for the disk. A read's audit line goes with it
        // (a product decision: it survives a crash of the service, a power cut may lose the last ones).
        return relaxedTx(h -> {
            dialect.lockMembers(h, List.of(member));
            Instant previous = StatusSql.lastServed(h, member);
            List<Note> notes =
                    changedSince == null ? NoteSql.forMember(h, member) : NoteSql.changedSince(h, member, changedSince);
            NoteSql.Novelty novelty = NoteSql.novelty(h, member, previous);
            if (changedSince == null) {
                // A check for changes (the app's checkForNewNotes, a live page's reload) is not a visit: it
                // neither uses up what the next visit shows as new nor stands for a full reload.
                StatusSql.markServed(h, member, now, TransferSql.fullAnswerBytes(h, member));
            }
            if (auditLine != null) {
                AuditSql.insert(h, auditLine.at(now, member));
            }
            return new Served(notes, novelty.newIds(), novelty.updatedIds(), previous);
        });
    }

    @Override
    public List<Note> notes(MemberId member) {
        return read(h -> NoteSql.forMember(h, member));
    }

    @Override
    public Optional<Note> note(String noteId) {
        return read(h -> NoteSql.find(h, noteId));
    }

    @Override
    public List<Note> notesByAuthor(String userId, Optional<NotePosition> after, int limit) {
        return read(h -> NoteSql.byAuthor(h, userId, after, limit));
    }

    @Override
    public Optional<OutboxEntry> writeLocal(Note note, OutboxAction action, int queueLimit, String by) {
        Instant now = clock.instant();
        return tx(h -> {
            dialect.lockMembers(h, List.of(note.member()));
            ChangeLog.record(h, ChangeLog.Kind.of(action), note, by);
            Optional<Note> before = NoteSql.find(h, note.noteId());
            if (action == OutboxAction.CREATE && before.isPresent()) {
                throw new NoteExistsException(before.get()); // a client's own note id, sent again
            }
            // The writer read the note before this transaction; a push that completed since gave the stored
            // note its Caspio identity (PK_ID, stamps), which the write keeps.
            Note written = before.filter(b -> b.pkId() != null)
                    .map(b -> identityFrom(note, b))
                    .orElse(note);
            Optional<OutboxEntry> idle = OutboxSql.newestIdle(h, note.noteId(), now, dialect);
            Coalescing.Outcome merged =
                    idle.map(e -> Coalescing.merge(h, e, action, now)).orElse(Coalescing.Outcome.SEPARATE);
            if (merged == Coalescing.Outcome.CANCELLED) {
                return Optional.<OutboxEntry>empty();
            }
            if (merged == Coalescing.Outcome.MERGED) {
                NoteSql.upsert(h, written, now);
                return idle;
            }
            if (OutboxSql.size(h) >= queueLimit) {
                throw new QueueFullException(queueLimit);
            }
            NoteSql.upsert(h, written, now);
            String base = before.map(Note::caspioStamp).orElse(null);
            String baseHash = before.map(Note::contentHash).orElse(null);
            return Optional.of(OutboxSql.insert(h, note.noteId(), note.member(), action, now, base, baseHash));
        });
    }

    @Override
    public List<OutboxEntry> claim(String owner, int limit, Instant now, Duration lease) {
        return tx(h -> OutboxSql.claim(h, owner, limit, now, lease, dialect));
    }

    @Override
    public int renewClaims(String owner, Collection<Long> entryIds, Instant until) {
        return tx(h -> OutboxSql.renew(h, owner, entryIds, until));
    }

    @Override
    public int releaseClaims(String owner) {
        return tx(h -> OutboxSql.releaseAll(h, owner));
    }

    @Override
    public void completePush(OutboxEntry entry, Note pushed) {
        Instant now = clock.instant();
        // The row is this note, whatever id a table without a sync-id field would give it.
        Note asInCaspio = pushed.withNoteId(entry.noteId());
        tx(h -> {
            dialect.lockMembers(h, List.of(entry.member()));
            ChangeLog.record(h, ChangeLog.Kind.STATE, asInCaspio, StoredChange.PUSH);
            OutboxSql.delete(h, entry.id());
            Note stored = NoteSql.find(h, entry.noteId()).orElse(asInCaspio);
            if (OutboxSql.hasEntryFor(h, entry.noteId())) {
                // A later local write is still queued: keep its content, learn only Caspio's identity, and
                // base the writes queued on top of this one on the version it made (else the next
                // conditional write meets our own edit as a conflict, and a delete may lose to it).
                NoteSql.upsert(h, identityFrom(stored, asInCaspio), now);
                OutboxSql.rebaseFollowing(h, entry, asInCaspio.caspioStamp(), asInCaspio.contentHash());
            } else {
                NoteSql.dropOtherIdsForRow(h, asInCaspio);
                // The version records when Caspio's answer arrived: a read that began before then may hold
                // the row as it was (a delete's tombstone must not come back from it), and a listing may
                // not see a new row until a late commit shows it (Merge).
                NoteSql.upsert(
                        h,
                        asInCaspio.withSyncState(SyncState.SYNCED),
                        now,
                        new Merge.Provenance(asInCaspio.deleted() ? Merge.Origin.HERE : Merge.Origin.PUSH, now));
            }
            return null;
        });
    }

    private static Note identityFrom(Note local, Note caspio) {
        return new Note(
                local.noteId(),
                local.member(),
                caspio.pkId(),
                local.comments(),
                local.userId(),
                local.userFullName(),
                caspio.timeStamp(),
                local.followUpDate(),
                local.followUpStatus(),
                local.followUpAssignment(),
                local.assignedFirst(),
                local.seniorFullName(),
                caspio.lastModified(),
                caspio.caspioStamp(),
                SyncState.PENDING,
                local.deleted());
    }

    @Override
    public void rebase(OutboxEntry entry, Note server) {
        tx(h -> {
            OutboxSql.rebase(h, entry.id(), server.caspioStamp(), server.contentHash());
            return null;
        });
    }

    @Override
    public void holdUntil(OutboxEntry entry, String owner, Instant until) {
        tx(h -> {
            OutboxSql.holdUntil(h, entry.id(), owner, until);
            return null;
        });
    }

    @Override
    public void parkConflict(OutboxEntry entry, long conflictId) {
        Instant now = clock.instant();
        tx(h -> {
            dialect.lockMembers(h, List.of(entry.member()));
            OutboxSql.recordFailure(
                    h, entry.id(), "conflict " + conflictId + " waits for a person to resolve it", true);
            NoteSql.find(h, entry.noteId()).ifPresent(n -> {
                NoteSql.upsert(h, n.withSyncState(SyncState.CONFLICT), now);
                ChangeLog.record(h, ChangeLog.Kind.STATE, n, StoredChange.PUSH);
            });
            return null;
        });
    }

    @Override
    public void recordFailure(OutboxEntry entry, String error, boolean permanent) {
        Instant now = clock.instant();
        tx(h -> {
            dialect.lockMembers(h, List.of(entry.member()));
            OutboxSql.recordFailure(h, entry.id(), error, permanent);
            if (permanent) {
                NoteSql.find(h, entry.noteId()).ifPresent(n -> {
                    NoteSql.upsert(h, n.withSyncState(SyncState.FAILED), now);
                    ChangeLog.record(h, ChangeLog.Kind.STATE, n, StoredChange.PUSH);
                });
            }
            return null;
        });
    }

    @Override
    public List<OutboxEntry> pending() {
        return read(h -> OutboxSql.list(h, false));
    }

    @Override
    public List<OutboxEntry> failed() {
        return read(h -> OutboxSql.list(h, true));
    }

    @Override
    public long recordConflict(Conflict conflict) {
        return tx(h -> ConflictSql.insert(h, conflict));
    }

    @Override
    public List<Conflict> conflicts(int limit) {
        return read(h -> ConflictSql.list(h, limit));
    }

    @Override
    public Optional<Conflict> conflict(long id) {
        return read(h -> ConflictSql.find(h, id));
    }

    @Override
    public void resolveConflict(long id, String outcome, String by) {
        Instant now = clock.instant();
        tx(h -> {
            ConflictSql.resolve(h, id, outcome, by, now);
            return null;
        });
    }

    @Override
    public int requeueFailed() {
        Instant now = clock.instant();
        return tx(h -> {
            dialect.lockMembers(
                    h, OutboxSql.list(h, true).stream().map(OutboxEntry::member).toList());
            for (OutboxEntry e : OutboxSql.list(h, true)) {
                NoteSql.find(h, e.noteId()).ifPresent(n -> {
                    NoteSql.upsert(h, n.withSyncState(SyncState.PENDING), now);
                    ChangeLog.record(h, ChangeLog.Kind.STATE, n, StoredChange.PUSH);
                });
            }
            return OutboxSql.requeueFailed(h);
        });
    }

    @Override
    public int pruneRuns(Instant before) {
        return tx(h -> HistorySql.prune(h, before));
    }

    @Override
    public void recordRun(SyncRun run) {
        tx(h -> {
            HistorySql.insert(h, run);
            return null;
        });
    }

    @Override
    public List<SyncRun> recentRuns(int limit) {
        return tx(h -> HistorySql.recent(h, limit));
    }

    @Override
    public AccessRecords access() {
        return access;
    }

    @Override
    public Reports reports() {
        return reports;
    }

    @Override
    public int clearMember(MemberId member) {
        return tx(h -> {
            dialect.lockMembers(h, List.of(member));
            return MemberSql.clear(h, member);
        });
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

    @Override
    public String toString() {
        return "JdbcStore[" + location + "]";
    }
}
