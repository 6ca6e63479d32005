package io.smartsync.store;

import io.smartsync.note.Note;
import io.smartsync.note.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The queue of local writes waiting for Caspio: claims and their leases, the outcome of each push, and
 * the entries parked by a failure. Every method is one transaction; implementations are safe for use from
 * many threads.
 */
public interface Outbox {
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

    /**
     * Shortens (or keeps) the lease {@code owner} holds on the entry so it can be claimed again from {@code
     * until}: an entry that cannot be pushed safely before then, which need not wait for its whole lease.
     */
    void holdUntil(OutboxEntry entry, String owner, Instant until);

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
     * Records that the entry's latest attempt, sent at about {@code at}, got no answer: the row it may have
     * made can still commit late, which a retry (here or on another instance, after a restart) waits for.
     */
    void markUnanswered(OutboxEntry entry, Instant at);

    /** Records why an attempt failed and releases the lease; a permanent failure parks the entry until someone retries it. */
    void recordFailure(OutboxEntry entry, String error, boolean permanent);

    /** Entries waiting to be pushed, oldest first. */
    List<OutboxEntry> pending();

    /** Entries parked by a permanent failure, oldest first. */
    List<OutboxEntry> failed();

    /**
     * Puts parked entries back in the queue; answers how many. Their attempts still count: a create
     * tried before is looked up before it is sent again.
     */
    int requeueFailed();
}
