package io.smartsync.note;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One client note as this service stores it.
 *
 * @param noteId the note's stable id: its {@code Sync_ID} (a UUID made here) or {@code caspio_<PK_ID>}
 *     for a row made elsewhere without one
 * @param pkId Caspio's {@code PK_ID}, or null while the note has never reached Caspio
 * @param timeStamp when the note was written (Caspio's {@code Time_Stamp} once pushed)
 * @param lastModified Caspio's update stamp as an instant, or null when never edited there
 * @param caspioStamp the update stamp exactly as Caspio returned it; cursors and conditional writes
 *     compare only these, never the local clock
 * @param deleted true for a tombstone: gone from Caspio, or deleted here and waiting to be pushed
 */
public record Note(
        String noteId,
        MemberId member,
        Long pkId,
        String comments,
        String userId,
        String userFullName,
        Instant timeStamp,
        LocalDateTime followUpDate,
        String followUpStatus,
        String followUpAssignment,
        String assignedFirst,
        String seniorFullName,
        Instant lastModified,
        String caspioStamp,
        SyncState syncState,
        boolean deleted) {

    /** Caspio's TEXT field holds at most this many characters. */
    public static final int MAX_COMMENTS = 64_000;

    public Note {
        if (noteId == null || noteId.isBlank()) {
            throw new IllegalArgumentException("noteId is required");
        }
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(syncState, "syncState");
        if (comments == null) {
            comments = "";
        }
        if (comments.length() > MAX_COMMENTS) {
            throw new IllegalArgumentException("comments must be at most " + MAX_COMMENTS + " characters");
        }
    }

    /** The id of a Caspio row that has no sync id of its own. */
    public static String idForCaspioRow(long pkId) {
        return "caspio_" + pkId;
    }

    /**
     * A hash of what a person can edit: tells versions apart on a table whose update stamp does not
     * move when a row is edited.
     */
    public String contentHash() {
        String joined = String.join(
                "\u0000",
                comments,
                String.valueOf(followUpDate),
                String.valueOf(followUpStatus),
                String.valueOf(followUpAssignment),
                String.valueOf(assignedFirst),
                String.valueOf(seniorFullName));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** True when a person would see no difference: same text and follow-up fields. */
    public boolean sameContentAs(Note other) {
        return Objects.equals(comments, other.comments)
                && Objects.equals(followUpDate, other.followUpDate)
                && Objects.equals(followUpStatus, other.followUpStatus)
                && Objects.equals(followUpAssignment, other.followUpAssignment)
                && Objects.equals(assignedFirst, other.assignedFirst)
                && Objects.equals(seniorFullName, other.seniorFullName)
                && deleted == other.deleted;
    }

    /**
     * The version of what a person can edit, as the API shows it ({@code version}) and a client sends it
     * back in {@code If-Match}: a write based on another version than the stored one is a conflict.
     */
    public String version() {
        return contentHash().substring(0, 16);
    }

    /** This note with a person's edit applied; ids, author and Caspio's stamps stay. */
    public Note edited(NoteDraft draft) {
        return new Note(
                noteId,
                member,
                pkId,
                draft.comments(),
                userId,
                userFullName,
                timeStamp,
                draft.followUpDate(),
                draft.followUpStatus(),
                draft.followUpAssignment(),
                draft.assignedFirst(),
                draft.seniorFullName(),
                lastModified,
                caspioStamp,
                SyncState.PENDING,
                false);
    }

    /** This note as a tombstone. */
    public Note asDeleted(SyncState state) {
        return new Note(
                noteId,
                member,
                pkId,
                comments,
                userId,
                userFullName,
                timeStamp,
                followUpDate,
                followUpStatus,
                followUpAssignment,
                assignedFirst,
                seniorFullName,
                lastModified,
                caspioStamp,
                state,
                true);
    }

    public Note withNoteId(String id) {
        return new Note(
                id,
                member,
                pkId,
                comments,
                userId,
                userFullName,
                timeStamp,
                followUpDate,
                followUpStatus,
                followUpAssignment,
                assignedFirst,
                seniorFullName,
                lastModified,
                caspioStamp,
                syncState,
                deleted);
    }

    public Note withSyncState(SyncState state) {
        return new Note(
                noteId,
                member,
                pkId,
                comments,
                userId,
                userFullName,
                timeStamp,
                followUpDate,
                followUpStatus,
                followUpAssignment,
                assignedFirst,
                seniorFullName,
                lastModified,
                caspioStamp,
                state,
                deleted);
    }
}
