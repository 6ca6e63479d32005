package io.smartsync.store;

import io.smartsync.note.Conflict;
import io.smartsync.note.ConflictChoice;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link Conflicts} on the store's database. Thread-safe. */
final class JdbcConflicts implements Conflicts {
    private final Database db;
    private final Clock clock;

    JdbcConflicts(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public long recordConflict(Conflict conflict) {
        return db.tx(h -> ConflictSql.insert(h, conflict));
    }

    @Override
    public List<Conflict> conflicts(int limit) {
        return db.read(h -> ConflictSql.list(h, limit));
    }

    @Override
    public Optional<Conflict> conflict(long id) {
        return db.read(h -> ConflictSql.find(h, id));
    }

    @Override
    public void resolveConflict(long id, ConflictChoice choice, String by) {
        Instant now = clock.instant();
        db.tx(h -> {
            ConflictSql.resolve(h, id, choice.wireName(), by, now);
            return null;
        });
    }
}
