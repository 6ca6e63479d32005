package io.smartsync.store;

import io.smartsync.note.Note;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A member's notes as one answer shows them, counted against what the previous answer showed.
 *
 * @param newIds notes first stored here after the previous answer (every note on the first answer)
 * @param updatedIds notes the previous answer showed that changed since
 * @param previousAnswerAt when the previous answer was given, or null for the first
 * @param version the member's version this answer was read at: the same version means the same notes and
 *     row sizes, on every instance sharing the database (0 when none of its notes was ever stored)
 */
public record Served(
        List<Note> notes, Set<String> newIds, Set<String> updatedIds, Instant previousAnswerAt, long version) {
    public Served {
        notes = List.copyOf(notes);
        newIds = Set.copyOf(newIds);
        updatedIds = Set.copyOf(updatedIds);
    }
}
