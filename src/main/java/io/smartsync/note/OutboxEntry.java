package io.smartsync.note;

import java.time.Instant;
import java.util.Objects;

/**
 * A local write waiting to reach Caspio (the seed's {@code NoteSync}).
 *
 * @param failed true once a permanent error parked the entry; transient failures never set it
 * @param baseStamp for an update or delete, Caspio's stamp of the version the edit was made on; the
 *     push is conditional on it. Null for a create, or when the note had not reached Caspio yet
 * @param baseHash {@link Note#contentHash()} of that version, for tables without an update stamp
 * @param unansweredAt when an attempt sent earlier got no answer (it may still commit late), else null
 */
public record OutboxEntry(
        long id,
        String noteId,
        MemberId member,
        OutboxAction action,
        Instant queuedAt,
        int attempts,
        String lastError,
        boolean failed,
        String baseStamp,
        String baseHash,
        Instant unansweredAt) {

    public OutboxEntry {
        Objects.requireNonNull(noteId, "noteId");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(queuedAt, "queuedAt");
    }
}
