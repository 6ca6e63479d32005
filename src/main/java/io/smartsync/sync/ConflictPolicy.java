package io.smartsync.sync;

import io.smartsync.note.Conflict;
import io.smartsync.note.ConflictChoice;
import io.smartsync.note.Note;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How a conflict between a local edit and a Caspio row that moved on is settled. */
public enum ConflictPolicy {
    /** The later of the two writes wins, on one clock; a tie goes to Caspio. */
    LAST_WRITE_WINS,
    /** Caspio's version always wins; the local edit is dropped (and logged). */
    SERVER_WINS,
    /** The local edit always wins and is written over Caspio's version. */
    LOCAL_WINS,
    /** Nothing is written until a person resolves the conflict through the API. */
    MANUAL;

    public static ConflictPolicy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "conflictPolicy must be last-write-wins, server-wins, local-wins or manual, was " + text);
        }
    }

    /**
     * Whether a local edit accepted here at {@code acceptedAt} is written over {@code other}, the version
     * it did not see (null: deleted). Under last-write-wins {@code other}'s update stamp, taken on Caspio's
     * clock, is moved onto this service's by {@code caspioClockOffset}; a tie goes to the other version.
     * A manual conflict never goes either way here: a person decides.
     */
    public boolean localWins(Instant acceptedAt, Note other, Duration caspioClockOffset) {
        return switch (this) {
            case LOCAL_WINS -> other != null;
            case SERVER_WINS, MANUAL -> false;
            case LAST_WRITE_WINS ->
                other != null
                        && other.lastModified() != null
                        && acceptedAt.isAfter(other.lastModified().minus(caspioClockOffset));
        };
    }

    /** What a conflict under this policy comes to: open for a person, else which version was kept. */
    public String outcome(boolean localWins, boolean otherExists) {
        if (this == MANUAL && otherExists) {
            return Conflict.OPEN;
        }
        return ConflictChoice.of(localWins).wireName();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
