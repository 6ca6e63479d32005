package io.smartsync.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
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

    /** What a person can edit, in one order: the only list of those fields in this record. */
    private Object[] editable() {
        return new Object[] {comments, followUpDate, followUpStatus, followUpAssignment, assignedFirst, seniorFullName};
    }

    /**
     * A hash of what a person can edit: tells versions apart on a table whose update stamp does not
     * move when a row is edited (stored with an edit as its base).
     */
    public String contentHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(
                                    "\u0000",
                                    Arrays.stream(editable())
                                            .map(String::valueOf)
                                            .toList())
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** True when a person would see no difference: same text and follow-up fields. */
    public boolean sameContentAs(Note other) {
        return Arrays.equals(editable(), other.editable()) && deleted == other.deleted;
    }

    /**
     * The version of what a person can edit, as the API shows it ({@code version}) and a client sends it
     * back in {@code If-Match}: a write based on another version than the stored one is a conflict. A
     * 64-bit FNV-1a hash of the fields, cheap enough for every note of every answer; it tells one note's
     * versions apart (it is no protection against a forged collision, and needs none: a writer can only
     * make its own write skip the conflict rules, which a write without If-Match does anyway).
     */
    public String version() {
        long h = 0xcbf29ce484222325L;
        for (Object value : editable()) {
            String field = String.valueOf(value);
            for (int i = 0; i < field.length(); i++) {
                h = (h ^ field.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ 0x1_0000) * 0x100000001b3L; // between fields: a value no char has
        }
        return HexFormat.of().toHexDigits(h);
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
