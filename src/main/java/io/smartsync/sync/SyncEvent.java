package io.smartsync.sync;

import java.time.Instant;
import java.util.Map;

/**
 * Something the sync engine did, for live views (server-sent events) and tests. Carries ids and
 * counts, never a note's text.
 *
 * @param type {@code sync.started}, {@code sync.progress}, {@code sync.finished}, {@code note.pushed},
 *     {@code note.failed}, {@code conflict}, {@code online} or {@code offline}
 * @param clientId2 the member concerned, or null
 * @param noteId the note concerned, or null
 * @param counts numbers and short words about the event (pages done, notes found, sync type)
 */
public record SyncEvent(String type, String clientId2, String noteId, Map<String, Object> counts, Instant at) {
    public SyncEvent {
        counts = Map.copyOf(counts);
    }
}
