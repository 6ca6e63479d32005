package io.smartsync.sync;

import io.smartsync.store.Served;
import java.time.Instant;

/** The seed's messages for an answer about a member's notes. */
final class Answers {
    private Answers() {}

    static SyncOutcome outcome(SyncType type, Served served, int totalNotes, Instant lastSync) {
        String message = switch (type) {
            case INITIAL -> "Initial sync completed - " + plural(totalNotes, "note") + " loaded";
            case INCREMENTAL, CACHED -> found(served);
            case STALE ->
                "Caspio could not be reached in time; showing the notes stored here"
                        + (lastSync == null ? "" : " as of " + lastSync) + ". " + found(served);
        };
        return new SyncOutcome(type, served.newIds(), served.updatedIds(), message, lastSync);
    }

    private static String found(Served served) {
        String since = served.previousAnswerAt() == null ? "" : " since " + served.previousAnswerAt();
        if (served.newIds().isEmpty() && served.updatedIds().isEmpty()) {
            return "No new notes" + since;
        }
        return "Found " + plural(served.newIds().size(), "new note") + " and "
                + plural(served.updatedIds().size(), "updated note") + since;
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
