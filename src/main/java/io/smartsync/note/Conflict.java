package io.smartsync.note;

import java.time.Instant;
import java.util.Objects;

/**
 * A local edit that met a Caspio row that had moved on since the edit's base version. Both versions are
 * kept so a person can see what was chosen.
 *
 * @param server Caspio's version when the conflict was found; null when Caspio had deleted the row
 * @param outcome a {@link ConflictChoice}'s {@link ConflictChoice#wireName() word} once settled, {@code open}
 *     while it waits for a person
 */
public record Conflict(
        long id,
        String noteId,
        MemberId member,
        Instant detectedAt,
        String policy,
        String outcome,
        String baseStamp,
        Note local,
        Note server,
        Instant resolvedAt,
        String resolvedBy) {

    public static final String OPEN = "open";

    public Conflict {
        Objects.requireNonNull(noteId, "noteId");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean open() {
        return OPEN.equals(outcome);
    }
}
