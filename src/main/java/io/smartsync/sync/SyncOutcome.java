package io.smartsync.sync;

import java.time.Instant;
import java.util.Set;

/**
 * What a member's sync found, in the seed's terms.
 *
 * @param newNoteIds the notes this sync brought in that were not stored before
 * @param lastSync when the member's last successful sync finished (null if it never did)
 */
public record SyncOutcome(SyncType type, Set<String> newNoteIds, int updatedNotes, String message, Instant lastSync) {
    public SyncOutcome {
        newNoteIds = Set.copyOf(newNoteIds);
    }

    public int newNotes() {
        return newNoteIds.size();
    }
}
