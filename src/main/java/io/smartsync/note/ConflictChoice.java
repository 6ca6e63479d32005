package io.smartsync.note;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which version settles a conflict: the local write, written over Caspio's version, or Caspio's. */
public enum ConflictChoice {
    /** The local write wins and is written over Caspio's version. */
    LOCAL,
    /** Caspio's version wins; the local write is dropped (and logged). */
    SERVER;

    /** The word the API, the conflict log and the events use: {@code local} or {@code server}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The choice a word names, spelled as {@link #wireName()}; empty for any other word or none. */
    public static Optional<ConflictChoice> fromWire(String word) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(word)).findFirst();
    }

    /** The choice a policy made: the local write or Caspio's version. */
    public static ConflictChoice of(boolean localWins) {
        return localWins ? LOCAL : SERVER;
    }
}
