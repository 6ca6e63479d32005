package io.smartsync.store;

import io.smartsync.note.MemberId;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link Coordination} for a store only one instance opens (SQLite): it always leads, and the engine's
 * own per-member lock already keeps a member's syncs apart. Thread-safe.
 */
final class SingleInstance implements Coordination {
    private volatile String leader;

    @Override
    public boolean lead(String instance) {
        leader = instance;
        return true;
    }

    @Override
    public Optional<String> leader() {
        return Optional.ofNullable(leader);
    }

    @Override
    public Held holdInitialSync(MemberId member, Duration wait) {
        return () -> {};
    }
}
