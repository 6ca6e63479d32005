package io.smartsync.note;

import java.time.Instant;
import java.util.Objects;

/**
 * What this service knows about one member's sync (the seed's {@code MemberSyncStatus}) plus the Caspio
 * cursor.
 *
 * @param lastSyncAt when the last sync of this member finished, on this service's clock
 * @param cursorStamp the largest Caspio update stamp stored so far, exactly as Caspio wrote it
 * @param cursorPk the largest {@code PK_ID} stored with {@code cursorStamp}; with it a paged pull resumes
 *     exactly where it stopped
 */
public record MemberSyncStatus(
        MemberId member,
        boolean initialSyncCompleted,
        Instant lastSyncAt,
        String cursorStamp,
        long cursorPk,
        int totalNotesCount,
        String lastNoteId) {

    public MemberSyncStatus {
        Objects.requireNonNull(member, "member");
    }

    public static MemberSyncStatus fresh(MemberId member) {
        return new MemberSyncStatus(member, false, null, null, 0, 0, null);
    }

    /** This status with its last sync at {@code at}. */
    public MemberSyncStatus syncedAt(Instant at) {
        return new MemberSyncStatus(
                member, initialSyncCompleted, at, cursorStamp, cursorPk, totalNotesCount, lastNoteId);
    }
}
