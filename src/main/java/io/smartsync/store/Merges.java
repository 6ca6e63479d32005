package io.smartsync.store;

import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Rows read from Caspio (a selection's pull, the global poll, a webhook's read, a preload) stored
 * through the one merge rule together with how far the read got. Every method is one transaction;
 * implementations are safe for use from many threads.
 */
public interface Merges {
    /**
     * Stores rows pulled from Caspio together with the cursor they reached, in one transaction, so a
     * crash resumes from the last stored page. Every row goes through the one merge rule (see {@code
     * Merge}): notes with a local write still in the outbox are left to the push, an older row never
     * replaces a newer one, and a tombstone comes back only with a row read after it was made.
     *
     * @param readAt when the read that found these rows began, on this service's clock
     */
    PullResult applyPulled(List<Note> rows, MemberSyncStatus reached, Instant readAt);

    /**
     * The last page of a member's sync: {@link #applyPulled} with the sync's finish in the same
     * transaction: its last sync now and, with {@code readEveryRow} (an initial sync), its keys checked
     * now. One transaction on the store's one writer instead of two, on every first visit.
     */
    PullResult applyLastPulled(List<Note> rows, MemberSyncStatus reached, Instant readAt, boolean readEveryRow);

    /**
     * Stores rows the global poll found, for members whose initial sync is complete (others are left to
     * their own initial sync), moves those members' cursors forward to the positions the poll read them
     * up to (never back), and saves the poll's cursor, in one transaction.
     *
     * @param rows full rows, possibly read after {@code positions} and so newer than them
     * @param positions how far the poll read each member's rows
     * @param readAt when the poll's read began, on this service's clock
     */
    PullResult applyPolled(List<Note> rows, Collection<MemberCursor> positions, TableCursor reached, Instant readAt);

    /**
     * Stores rows read from Caspio for members already synced here (others are left to their own initial
     * sync), through the one merge rule: what a webhook named, as Caspio answered when asked.
     *
     * @param readAt when that read began, on this service's clock
     */
    PullResult applyRead(List<Note> rows, Instant readAt);

    /**
     * Stores a page of a table-wide initial sync (a preload) together with the position it reached, in one
     * transaction, so a restart resumes after the last stored page. Rows follow the rules of {@link
     * #applyPulled}; each member in the page gets a status (initial sync not complete yet) or, if it has
     * one, a cursor moved forward, never back.
     *
     * @param cursor the name of the table cursor that holds the position
     * @param readAt when the read of this page began, on this service's clock
     */
    PullResult applyPreloaded(List<Note> rows, String cursor, TableCursor reached, Instant readAt);

    /**
     * Ends a preload that has read the whole table: saves its position (finished at {@code
     * reached.finishedAt()}) and marks every member whose initial sync is not complete as synced then, in
     * one transaction. Answers how many members it marked.
     */
    int finishPreload(String cursor, TableCursor reached);
}
