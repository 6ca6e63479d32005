package io.smartsync.store;

import io.smartsync.note.Conflict;
import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.note.NotePosition;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service's durable state. Every method is one transaction; implementations are safe for use from
 * many threads.
 */
public interface LocalStore extends AutoCloseable {

    /** API keys, users, sessions and the audit log, in the same database. */
    AccessRecords access();

    /** Figures for health checks, meters and the seed's sync metrics. */
    Reports reports();

    /** Who runs the global poll and the reconcile, and one initial sync of a member at a time. */
    Coordination coordination();

    /** Every committed change of members' notes, this instance's and (on PostgreSQL) the other instances'. */
    ChangeFeed changes();

    /**
     * Forgets a member's notes and sync status, so the next selection syncs it from the start. Notes
     * with a write still queued are kept, and so is the queue.
     *
     * @return how many notes were removed
     */
    int clearMember(MemberId member);

    Optional<MemberSyncStatus> status(MemberId member);

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
     * Stores rows the global poll found, for members whose initial sync is complete (others are left to
     * their own initial sync), moves those members' cursors forward to the positions the poll read them
     * up to (never back), and saves the poll's cursor, in one transaction.
     *
     * @param rows full rows, possibly read after {@code positions} and so newer than them
     * @param positions how far the poll read each member's rows
     * @param readAt when the poll's read began, on this service's clock
     */
    PullResult applyPolled(List<Note> rows, Collection<MemberCursor> positions, TableCursor reached, Instant readAt);

    /** Those of {@code members} whose initial sync is complete: the members synced here. */
    Set<MemberId> syncedAmong(Collection<MemberId> members);

    /** The members that have notes live here with a Caspio row, in id order. */
    List<MemberId> membersWithCaspioRows();

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

    Optional<TableCursor> tableCursor(String name);

    void saveTableCursor(String name, TableCursor cursor);

    /**
     * Settles a page of a key listing that began at {@code readAt}: the live notes of {@code members} (null:
     * of every member) stored with a {@code PK_ID} in {@code (afterPk, upToPk]} that is not among {@code
     * livePks} become tombstones that came from that listing, except notes with a local write queued and
     * notes stored here less than {@code commitLag} before the listing began (a late commit may hide
     * them). Answers how many.
     */
    int applyListing(
            Collection<MemberId> members,
            Set<Long> livePks,
            long afterPk,
            long upToPk,
            Instant readAt,
            Duration commitLag);

    /**
     * The member's notes that are live here and have a Caspio row (of every member when null): how many,
     * and the highest key.
     */
    StoredKeys storedKeys(MemberId member);

    /**
     * For each member synced here (initial sync complete): how many of its notes Caspio should hold (live
     * ones with a Caspio row, and ones whose delete is still queued) and the highest key, in id order.
     */
    Map<MemberId, StoredKeys> storedKeysByMember();

    /** Records when the member's rows were last checked against Caspio's keys. */
    void markReconciled(MemberId member, Instant at);

    Optional<Instant> lastReconciled(MemberId member);

    /** Records that a sync of the member finished at {@code at}, keeping the cursor. */
    MemberSyncStatus finishSync(MemberId member, Instant at);

    /**
     * The member's notes for an answer, counted against the previous answer, which this one replaces as
     * the marker: whatever brought the rows in (a selection, the poll, a webhook), each is new or updated
     * in exactly one answer.
     *
     * @param changedSince only notes stored or changed here after this instant; null for all
     */
    default Served serve(MemberId member, Instant changedSince) {
        return serve(member, changedSince, null);
    }

    /**
     * As {@link #serve(MemberId, Instant)}, and writes the read's audit line in the same transaction. That
     * transaction commits without waiting for the disk: the line survives a crash of the process (kill -9),
     * a power cut of the machine may lose the last moments of such lines. Writes of notes stay durable.
     *
     * @param auditLine the read's audit line ({@code at} and {@code clientId2} are set here), or null for none
     */
    Served serve(MemberId member, Instant changedSince, AuditRecord auditLine);

    /** The member's notes, tombstones excepted, newest first. */
    List<Note> notes(MemberId member);

    Optional<Note> note(String noteId);

    /** Live notes written by {@code userId}, newest first, after {@code after} when given; at most {@code limit}. */
    List<Note> notesByAuthor(String userId, Optional<NotePosition> after, int limit);

    /**
     * Stores a local write and its outbox entry in one transaction. A write folds into the note's newest
     * entry while no push holds it: edits of a queued note become one, and the delete of a note that
     * never reached Caspio cancels its create (the note is then gone and nothing is queued).
     *
     * @param by the name of the person who made the write, for the change it announces
     *
     * @return the entry that now carries the write; empty when the write cancelled out
     * @throws QueueFullException when the outbox already holds {@code queueLimit} entries
     */
    Optional<OutboxEntry> writeLocal(Note note, OutboxAction action, int queueLimit, String by);

    /** {@link #writeLocal(Note, OutboxAction, int, String)} by the note's author. */
    default Optional<OutboxEntry> writeLocal(Note note, OutboxAction action, int queueLimit) {
        return writeLocal(note, action, queueLimit, note.userFullName());
    }

    /**
     * Leases up to {@code limit} outbox entries to {@code owner} until {@code now + lease}: only the
     * oldest entry of each note, never one another owner holds, never a parked one. Each claim counts
     * as an attempt, so an entry whose push was cut off by a crash is known to have been tried.
     */
    List<OutboxEntry> claim(String owner, int limit, Instant now, Duration lease);

    /**
     * The heartbeat of running pushes: {@code owner}'s claims among {@code entryIds} are leased until
     * {@code until}; an entry that settled or went to another owner meanwhile is left alone.
     *
     * @return how many claims were renewed
     */
    int renewClaims(String owner, Collection<Long> entryIds, Instant until);

    /**
     * Every claim {@code owner} holds goes back to the queue: called by an instance as it starts, whose
     * claims of an earlier run (cut by a crash) need not wait for their lease.
     *
     * @return how many claims were released
     */
    int releaseClaims(String owner);

    /** Removes a pushed entry and stores the note as Caspio now holds it, in one transaction. */
    void completePush(OutboxEntry entry, Note asInCaspio);

    /**
     * Releases the entry to be pushed again, now conditional on {@code server}'s stamp and content: the
     * Caspio version it is to replace.
     */
    void rebase(OutboxEntry entry, Note server);

    /** Parks an entry whose conflict waits for a person; the note shows {@code conflict}. */
    void parkConflict(OutboxEntry entry, long conflictId);

    /**
     * Shortens (or keeps) the lease {@code owner} holds on the entry so it can be claimed again from {@code
     * until}: an entry that cannot be pushed safely before then, which need not wait for its whole lease.
     */
    void holdUntil(OutboxEntry entry, String owner, Instant until);

    /** Records why an attempt failed and releases the lease; a permanent failure parks the entry until someone retries it. */
    void recordFailure(OutboxEntry entry, String error, boolean permanent);

    /** Entries waiting to be pushed, oldest first. */
    List<OutboxEntry> pending();

    /** Entries parked by a permanent failure, oldest first. */
    List<OutboxEntry> failed();

    /** Records a conflict; answers its id. */
    long recordConflict(Conflict conflict);

    /** The newest conflicts first. */
    List<Conflict> conflicts(int limit);

    Optional<Conflict> conflict(long id);

    void resolveConflict(long id, String outcome, String by);

    /**
     * Puts parked entries back in the queue; answers how many. Their attempts still count: a create
     * tried before is looked up before it is sent again.
     */
    int requeueFailed();

    void recordRun(SyncRun run);

    /** Drops sync history older than {@code before}; answers how many runs. */
    int pruneRuns(Instant before);

    /** The newest sync runs first. */
    List<SyncRun> recentRuns(int limit);

    @Override
    void close();
}
