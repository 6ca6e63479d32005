package io.smartsync.store;

import io.smartsync.note.MemberId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link Reconciliation} on the store's database. Thread-safe. */
final class JdbcReconciliation implements Reconciliation {
    private final Database db;
    private final Dialect dialect;
    private final Clock clock;

    JdbcReconciliation(Database db, Clock clock) {
        this.db = db;
        this.dialect = db.dialect();
        this.clock = clock;
    }

    @Override
    public StoredKeys storedKeys(MemberId member) {
        return db.read(h -> NoteSql.storedKeys(h, member));
    }

    @Override
    public Map<MemberId, StoredKeys> storedKeysByMember(long pkAtMost) {
        return db.read(h -> NoteSql.storedKeysByMember(h, pkAtMost));
    }

    @Override
    public long highestKey() {
        return db.read(NoteSql::highestKey);
    }

    @Override
    public List<MemberId> membersWithCaspioRows() {
        return db.read(NoteSql::membersWithCaspioRows);
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
        return db.tx(h -> {
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
    public void markReconciled(Collection<MemberId> members, Instant at) {
        if (members.isEmpty()) {
            return;
        }
        db.tx(h -> {
            members.forEach(member -> StatusSql.markReconciled(h, member, at));
            return null;
        });
    }

    @Override
    public Optional<Instant> lastReconciled(MemberId member) {
        return db.read(h -> StatusSql.lastReconciled(h, member));
    }
}
