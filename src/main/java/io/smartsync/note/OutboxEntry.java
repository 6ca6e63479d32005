package io.smartsync.note;

import java.time.Instant;
import java.util.Objects;

/**
 * A local write waiting to reach Caspio (the seed's {@code NoteSync}).
 *
 * @param failed true once a permanent error parked the entry; transient failures never set it
 */
public record OutboxEntry(
        long id,
        String noteId,
        MemberId member,
        OutboxAction action,
        Instant queuedAt,
        int attempts,
        String lastError,
        boolean failed) {

    public OutboxEntry {
        Objects.requireNonNull(noteId, "noteId");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(queuedAt, "queuedAt");
    }
}
