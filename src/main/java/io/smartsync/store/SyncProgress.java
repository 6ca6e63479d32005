package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * How far each member's sync has got (its status and cursor) and the named table-wide cursors of the
 * poll and the preload. Every method is one transaction; implementations are safe for use from many threads.
 */
public interface SyncProgress {
    /** The member's status, with its note count and newest note as the store holds them now. */
    Optional<MemberSyncStatus> status(MemberId member);

    /**
     * The member's status as its last sync left it: its note count and newest note as that sync stored
     * them (a note stored since, by the poll or a local write, is not counted). One row by its key: every
     * member read asks it.
     */
    Optional<MemberSyncStatus> lastSync(MemberId member);

    /** {@link #lastSync} and the table cursor {@code cursor} on one connection: every member read asks both. */
    StatusAndCursor lastSync(MemberId member, String cursor);

    /** Those of {@code members} whose initial sync is complete: the members synced here. */
    Set<MemberId> syncedAmong(Collection<MemberId> members);

    /**
     * Records that a sync of the member finished at {@code at}, keeping the cursor: for a sync whose
     * last page could not finish it (a delete check came after; see {@link Merges#applyLastPulled}).
     */
    void finishSync(MemberId member, Instant at);

    /**
     * Forgets a member's notes and sync status, so the next selection syncs it from the start. Notes
     * with a write still queued are kept, and so is the queue.
     *
     * @return how many notes were removed
     */
    int clearMember(MemberId member);

    Optional<TableCursor> tableCursor(String name);

    void saveTableCursor(String name, TableCursor cursor);
}
