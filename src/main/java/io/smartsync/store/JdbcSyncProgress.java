package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** {@link SyncProgress} on the store's database. Thread-safe. */
final class JdbcSyncProgress implements SyncProgress {
    private final Database db;
    private final Dialect dialect;

    JdbcSyncProgress(Database db) {
        this.db = db;
        this.dialect = db.dialect();
    }

    @Override
    public Optional<MemberSyncStatus> status(MemberId member) {
        return db.read(h -> StatusSql.find(h, member));
    }

    @Override
    public Set<MemberId> syncedAmong(Collection<MemberId> members) {
        return db.read(h -> StatusSql.completedAmong(h, members));
    }

    @Override
    public MemberSyncStatus finishSync(MemberId member, Instant at, boolean readEveryRow) {
        return db.tx(h -> {
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
            if (readEveryRow) {
                StatusSql.markReconciled(h, member, at);
            }
            return finished;
        });
    }

    /** The member's live notes counted, and the first of them in the order of an answer, by index alone. */
    static MemberSyncStatus withCounts(Handle h, MemberSyncStatus s) {
        long count = h.createQuery("SELECT COUNT(*) FROM notes WHERE client_id2 = :m AND deleted = FALSE")
                .bind("m", s.member().value())
                .mapTo(Long.class)
                .one();
        String lastNoteId = h.createQuery("SELECT note_id FROM notes WHERE client_id2 = :m AND deleted = FALSE"
                        + " ORDER BY time_stamp DESC, note_id LIMIT 1")
                .bind("m", s.member().value())
                .mapTo(String.class)
                .findOne()
                .orElse(null);
        return new MemberSyncStatus(
                s.member(),
                s.initialSyncCompleted(),
                s.lastSyncAt(),
                s.cursorStamp(),
                s.cursorPk(),
                (int) count,
                lastNoteId);
    }

    @Override
    public int clearMember(MemberId member) {
        return db.tx(h -> {
            dialect.lockMembers(h, List.of(member));
            return MemberSql.clear(h, member);
        });
    }

    @Override
    public Optional<TableCursor> tableCursor(String name) {
        return db.read(h -> CursorSql.find(h, name));
    }

    @Override
    public void saveTableCursor(String name, TableCursor cursor) {
        db.tx(h -> {
            CursorSql.save(h, name, cursor);
            return null;
        });
    }
}
