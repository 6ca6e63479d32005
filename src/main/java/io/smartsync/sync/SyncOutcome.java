package io.smartsync.sync;

import java.time.Instant;
import java.util.Set;

/**
 * What a member's sync found, in the seed's terms.
 *
 * @param newNoteIds the notes first stored here after the previous answer for this member
 * @param updatedNoteIds the notes the previous answer showed that changed since
 * @param lastSync when the member's last successful sync finished (null if it never did)
 */
public record SyncOutcome(
        SyncType type, Set<String> newNoteIds, Set<String> updatedNoteIds, String message, Instant lastSync) {
    public SyncOutcome {
        newNoteIds = Set.copyOf(newNoteIds);
        updatedNoteIds = Set.copyOf(updatedNoteIds);
    }

    public int newNotes() {
        return newNoteIds.size();
    }

    public int updatedNotes() {
        return updatedNoteIds.size();
    }
}
