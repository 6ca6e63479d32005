package io.smartsync.sync;

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

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
