package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The service's durable state. Every method is one transaction; implementations are safe for use from
 * many threads.
 */
public interface LocalStore extends AccessRecords, AutoCloseable {

    Optional<MemberSyncStatus> status(MemberId member);

    /**
     * Stores rows pulled from Caspio together with the cursor they reached, in one transaction, so a
     * crash resumes from the last stored page. Notes with a local write still in the outbox are left as
     * they are: the push settles them.
     */
    PullResult applyPulled(List<Note> rows, MemberSyncStatus reached);

    /** Records that a sync of the member finished at {@code at}, keeping the cursor. */
    MemberSyncStatus finishSync(MemberId member, Instant at);

    /** The member's notes, tombstones excepted, newest first. */
    List<Note> notes(MemberId member);

    /** The member's notes stored or changed here after {@code since}, newest first. */
    List<Note> notesChangedSince(MemberId member, Instant since);

    Optional<Note> note(String noteId);

    /**
     * Stores a local write and its outbox entry in one transaction.
     *
     * @throws QueueFullException when the outbox already holds {@code queueLimit} entries
     */
    OutboxEntry writeLocal(Note note, OutboxAction action, int queueLimit);

    /**
     * Leases up to {@code limit} outbox entries to {@code owner} until {@code now + lease}: only the
     * oldest entry of each note, never one another owner holds, never a parked one. Each claim counts
     * as an attempt, so an entry whose push was cut off by a crash is known to have been tried.
     */
    List<OutboxEntry> claim(String owner, int limit, Instant now, Duration lease);

    /** Removes a pushed entry and stores the note as Caspio now holds it, in one transaction. */
    void completePush(OutboxEntry entry, Note asInCaspio);

    /** Records why an attempt failed and releases the lease; a permanent failure parks the entry until someone retries it. */
    void recordFailure(OutboxEntry entry, String error, boolean permanent);

    /** Entries waiting to be pushed, oldest first. */
    List<OutboxEntry> pending();

    /** Entries parked by a permanent failure, oldest first. */
    List<OutboxEntry> failed();

    @Override
    void close();
}
