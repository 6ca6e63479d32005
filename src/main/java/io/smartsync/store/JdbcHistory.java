package io.smartsync.store;

import java.time.Instant;
import java.util.List;

/** {@link History} on the store's database. Thread-safe. */
final class JdbcHistory implements History {
    private final Database db;

    JdbcHistory(Database db) {
        this.db = db;
    }

    @Override
    public void recordRun(SyncRun run) {
        // A run's line is diagnostics: a power cut may lose the last ones, a crash of the service not.
        db.relaxedTx(h -> {
            HistorySql.insert(h, run);
            return null;
        });
    }

    @Override
    public int pruneRuns(Instant before) {
        return db.tx(h -> HistorySql.prune(h, before));
    }

    @Override
    public List<SyncRun> recentRuns(int limit) {
        return db.tx(h -> HistorySql.recent(h, limit));
    }
}
