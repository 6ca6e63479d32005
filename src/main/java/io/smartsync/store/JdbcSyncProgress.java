package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    public Optional<MemberSyncStatus> lastSync(MemberId member) {
        return db.read(h -> StatusSql.lastSync(h, member));
    }

    @Override
    public StatusAndCursor lastSync(MemberId member, String cursor) {
        return db.read(h -> new StatusAndCursor(StatusSql.lastSync(h, member), CursorSql.find(h, cursor)));
    }

    @Override
    public Set<MemberId> syncedAmong(Collection<MemberId> members) {
        return db.read(h -> StatusSql.completedAmong(h, members));
    }

    @Override
    public void finishSync(MemberId member, Instant at) {
        db.tx(h -> {
            dialect.lockMembers(h, List.of(member));
            // The upsert counts the member's notes as stored now: the row is read for its cursor only.
            StatusSql.upsert(
                    h,
                    StatusSql.lastSync(h, member)
                            .orElse(MemberSyncStatus.fresh(member))
                            .syncedAt(at));
            return null;
        });
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
