package io.smartsync.sync;

import java.util.Locale;

/** How an answer about a member's notes was produced. */
public enum SyncType {
    /** The member's first sync: every note was fetched. */
    INITIAL,
    /** Only rows changed since the cursor were fetched. */
    INCREMENTAL,
    /** Answered from the store without asking Caspio. */
    CACHED,
    /** Caspio could not be asked in time; the stored notes may be behind. */
    STALE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
