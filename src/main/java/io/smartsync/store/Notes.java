package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NotePosition;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The notes of members as the API reads and writes them: answers to a selection, single notes, a
 * note's author's list, and local writes with their outbox entry. Every method is one transaction;
 * implementations are safe for use from many threads.
 */
public interface Notes {
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
}
