package io.smartsync.note;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One client note as this service stores it: what a person wrote ({@link NoteContent}), who wrote it and
 * when, which Caspio row holds it ({@link CaspioRow}) and how far it is in sync. Build a note written here
 * with {@link #written}; the other notes come from Caspio's rows or the store, and change through the
 * {@code with…}, {@link #edited} and {@link #asDeleted} copies.
 *
 * @param noteId the note's stable id: its {@code Sync_ID} (a UUID made here) or {@code caspio_<PK_ID>}
 *     for a row made elsewhere without one
 * @param timeStamp when the note was written (Caspio's {@code Time_Stamp} once pushed)
 * @param deleted true for a tombstone: gone from Caspio, or deleted here and waiting to be pushed
 */
public record Note(
        String noteId,
        MemberId member,
        NoteContent content,
        String userId,
        String userFullName,
        Instant timeStamp,
        CaspioRow caspio,
        SyncState syncState,
        boolean deleted) {

    /** Caspio's TEXT field holds at most this many characters. */
    public static final int MAX_COMMENTS = 64_000;

    public Note {
        if (noteId == null || noteId.isBlank()) {
            throw new InvalidInputException("noteId is required");
        }
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(caspio, "caspio");
        Objects.requireNonNull(syncState, "syncState");
    }

    /** A note {@code author} wrote here at {@code at}: not in Caspio yet, waiting to be pushed. */
    public static Note written(String noteId, MemberId member, NoteContent content, Author author, Instant at) {
        return new Note(
                noteId,
                member,
                content,
                author.userId(),
                author.fullName(),
                at,
                CaspioRow.NONE,
                SyncState.PENDING,
                false);
    }

    /** The id of a Caspio row that has no sync id of its own. */
    public static String idForCaspioRow(long pkId) {
        return "caspio_" + pkId;
    }

    /** {@link NoteContent#hash}: stored with an edit as its base. */
    public String contentHash() {
        return content.hash();
    }

    /** True when a person would see no difference: same text and follow-up fields. */
    public boolean sameContentAs(Note other) {
        return content.equals(other.content) && deleted == other.deleted;
    }

    /**
     * {@link NoteContent#version}: a write based on another version than the stored one is a conflict.
     */
    public String version() {
        return content.version();
    }

    /** This note with a person's edit applied; ids, author and Caspio's stamps stay. */
    public Note edited(NoteDraft draft) {
        return new Note(
                noteId, member, draft.content(), userId, userFullName, timeStamp, caspio, SyncState.PENDING, false);
    }

    /** This note as a tombstone. */
    public Note asDeleted(SyncState state) {
        return new Note(noteId, member, content, userId, userFullName, timeStamp, caspio, state, true);
    }

    public Note withNoteId(String id) {
        return new Note(id, member, content, userId, userFullName, timeStamp, caspio, syncState, deleted);
    }

    public Note withSyncState(SyncState state) {
        return new Note(noteId, member, content, userId, userFullName, timeStamp, caspio, state, deleted);
    }

    /** This note held in Caspio's {@code row}, as it is stamped there. */
    public Note withCaspio(CaspioRow row) {
        return new Note(noteId, member, content, userId, userFullName, timeStamp, row, syncState, deleted);
    }

    // Shortcuts to the parts' fields, for the many readers of one field.

    public String comments() {
        return content.comments();
    }

    public LocalDateTime followUpDate() {
        return content.followUpDate();
    }

    public String followUpStatus() {
        return content.followUpStatus();
    }

    public String followUpAssignment() {
        return content.followUpAssignment();
    }

    public String assignedFirst() {
        return content.assignedFirst();
    }

    public String seniorFullName() {
        return content.seniorFullName();
    }

    /** Caspio's {@code PK_ID}, or null while the note has never reached Caspio. */
    public Long pkId() {
        return caspio.pkId();
    }

    /** Caspio's update stamp as an instant, or null when never edited there. */
    public Instant lastModified() {
        return caspio.lastModified();
    }

    /** The update stamp exactly as Caspio returned it, or null while the note is not in Caspio. */
    public String caspioStamp() {
        return caspio.stamp();
    }
}
