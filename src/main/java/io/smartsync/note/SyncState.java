package io.smartsync.note;

import java.util.Locale;

/** Where a note stands between this service and Caspio, as shown to the app in {@code syncState}. */
public enum SyncState {
    /** Written here; its outbox entry has not reached Caspio yet. */
    PENDING,
    /** Equal to the row Caspio last answered with. */
    SYNCED,
    /** Its push failed permanently; the outbox entry is parked with its error. */
    FAILED,
    /** Caspio's row moved on while a local edit was pending. */
    CONFLICT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
