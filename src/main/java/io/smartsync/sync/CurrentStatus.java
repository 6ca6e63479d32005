package io.smartsync.sync;

import io.smartsync.note.MemberSyncStatus;
import io.smartsync.store.SyncProgress;
import io.smartsync.store.TableCursor;
import java.time.Instant;
import java.util.Optional;

/**
 * A member's status as an answer reports it: as its last sync, the global poll's latest run when that
 * run kept the member fresh (a cached answer rests on it), else the member's own last sync. Stateless.
 */
final class CurrentStatus {
    private CurrentStatus() {}

    static MemberSyncStatus of(SyncProgress progress, MemberSyncStatus s) {
        if (!s.initialSyncCompleted() || s.lastSyncAt() == null) {
            return s;
        }
        return of(progress.tableCursor(Poller.CURSOR), s);
    }

    /** As {@link #of(SyncProgress, MemberSyncStatus)}, on the poll's cursor as the caller already read it. */
    static MemberSyncStatus of(Optional<TableCursor> poll, MemberSyncStatus s) {
        if (!s.initialSyncCompleted() || s.lastSyncAt() == null) {
            return s;
        }
        Instant polled = poll.filter(
                        c -> c.finishedAt() != null && !c.coversSince().isAfter(s.lastSyncAt()))
                .map(TableCursor::finishedAt)
                .orElse(null);
        if (polled == null || !polled.isAfter(s.lastSyncAt())) {
            return s;
        }
        return s.syncedAt(polled);
    }
}
