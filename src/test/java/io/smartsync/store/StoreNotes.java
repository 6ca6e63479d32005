package io.smartsync.store;

import io.smartsync.note.Author;
import io.smartsync.note.CaspioRow;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.SyncState;
import java.time.Instant;

/** Notes of one member for the store's tests: written here and queued, or as Caspio holds them. */
final class StoreNotes {
    static final MemberId MEMBER = MemberId.of("CL000001");
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Author AUTHOR = new Author("u1", "User One");

    private StoreNotes() {}

    /** A note written here at {@link #NOW} that has not reached Caspio. */
    static Note local(String id, String text) {
        return Note.written(id, MEMBER, NoteContent.of(text), AUTHOR, NOW);
    }

    /** A note as Caspio holds it, written and stamped at {@code stamp} (Caspio's UTC wire format). */
    static Note synced(String id, Long pk, String text, String stamp) {
        Instant at = Instant.parse(stamp + "Z");
        return Note.written(id, MEMBER, NoteContent.of(text), AUTHOR, at)
                .withCaspio(new CaspioRow(pk, at, stamp))
                .withSyncState(SyncState.SYNCED);
    }
}
