package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.note.Position;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * {@link Merges} on the store's database: each page of rows and the position it reached in one
 * transaction, under the write locks of the members it touches (a preload's page with a larger cache).
 * Thread-safe.
 */
final class JdbcMerges implements Merges {
    private final Database db;
    private final Dialect dialect;
    private final Clock clock;

    JdbcMerges(Database db, Clock clock) {
        this.db = db;
        this.dialect = db.dialect();
        this.clock = clock;
    }

    @Override
    public PullResult applyPulled(List<Note> rows, MemberSyncStatus reached, Instant readAt) {
        return applyPage(rows, reached, readAt, false, false);
    }

    @Override
    public PullResult applyLastPulled(List<Note> rows, MemberSyncStatus reached, Instant readAt, boolean readEveryRow) {
        return applyPage(rows, reached, readAt, true, readEveryRow);
    }

    private PullResult applyPage(
            List<Note> rows, MemberSyncStatus reached, Instant readAt, boolean finishes, boolean readEveryRow) {
        Instant now = clock.instant();
        return db.tx(h -> {
            dialect.lockMembers(h, List.of(reached.member()));
            PullResult result = MergeWrite.rows(h, rows, readAt, now);
            MemberSyncStatus stored = notBehind(h, reached);
            StatusSql.upsert(h, finishes ? stored.syncedAt(now) : stored);
            if (readEveryRow) {
                StatusSql.markReconciled(h, reached.member(), now);
            }
            return result;
        });
    }

    /**
     * A table-wide preload may have moved the member on while this pull ran: its cursor, completion and
     * last sync never go back.
     */
    private static MemberSyncStatus notBehind(Handle h, MemberSyncStatus reached) {
        // Its cursor, completion and last sync only: the upsert counts the member's notes itself.
        Optional<MemberSyncStatus> found = StatusSql.lastSync(h, reached.member());
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
        return db.bulkTx(h -> {
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
        return db.tx(h -> {
            CursorSql.save(h, cursor, reached);
            return StatusSql.completeAll(h, reached.finishedAt());
        });
    }

    @Override
    public PullResult applyPolled(
            List<Note> rows, Collection<MemberCursor> positions, TableCursor reached, Instant readAt) {
        Instant now = clock.instant();
        return db.tx(h -> {
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
    public PullResult applyRead(List<Note> rows, Instant readAt) {
        Instant now = clock.instant();
        return db.tx(h -> {
            dialect.lockMembers(h, rows.stream().map(Note::member).toList());
            Set<MemberId> synced =
                    StatusSql.completedAmong(h, rows.stream().map(Note::member).toList());
            List<Note> ofSyncedMembers =
                    rows.stream().filter(r -> synced.contains(r.member())).toList();
            return MergeWrite.rows(h, ofSyncedMembers, readAt, now);
        });
    }
}
