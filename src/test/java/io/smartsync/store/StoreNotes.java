package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.SyncState;
import java.time.Instant;

/** Notes of one member for the store's tests: written here and queued, or as Caspio holds them. */
final class StoreNotes {
    static final MemberId MEMBER = MemberId.of("CL000001");
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private StoreNotes() {}

    /** A note written here at {@link #NOW} that has not reached Caspio. */
    static Note local(String id, String text) {
        return new Note(
                id,
                MEMBER,
                null,
                text,
                "u1",
                "User One",
                NOW,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                SyncState.PENDING,
                false);
    }

    /** A note as Caspio holds it, written and stamped at {@code stamp} (Caspio's UTC wire format). */
    static Note synced(String id, Long pk, String text, String stamp) {
        Instant at = Instant.parse(stamp + "Z");
        return new Note(
                id,
                MEMBER,
                pk,
                text,
                "u1",
                "User One",
                at,
                null,
                null,
                null,
                null,
                null,
                at,
                stamp,
                SyncState.SYNCED,
                false);
    }
}
