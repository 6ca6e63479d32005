package io.smartsync.sync;

import java.time.Instant;
import java.util.Map;

/**
 * Something the sync engine did, for live views (server-sent events) and tests. Carries ids and
 * counts, never a note's text.
 *
 * @param type what happened; its {@link Type#wireName()} names the server-sent event
 * @param clientId2 the member concerned, or null
 * @param noteId the note concerned, or null
 * @param counts numbers and short words about the event (pages done, notes found, sync type)
 */
public record SyncEvent(Type type, String clientId2, String noteId, Map<String, Object> counts, Instant at) {
    public SyncEvent {
        counts = Map.copyOf(counts);
    }

    /** The kinds of event, each with the name live pages and programs listen for. */
    public enum Type {
        /** A recorded run (member sync, poll, preload, reconcile) began. */
        SYNC_STARTED("sync.started"),
        /** A first sync or a preload read another page. */
        SYNC_PROGRESS("sync.progress"),
        /** A recorded run ended, with its outcome and counts. */
        SYNC_FINISHED("sync.finished"),
        /** The delete check found notes of a member gone from Caspio. */
        SYNC_DELETED("sync.deleted"),
        /** A queued write reached Caspio. */
        NOTE_PUSHED("note.pushed"),
        /** A queued write did not reach Caspio: retried, parked or failed unexpectedly. */
        NOTE_FAILED("note.failed"),
        /** A local write met a Caspio row that had moved on. */
        CONFLICT("conflict"),
        /** A member's stored notes changed, whatever path changed them. */
        MEMBER_CHANGED("member.changed"),
        /** Caspio answers again. */
        ONLINE("online"),
        /** Caspio stopped answering. */
        OFFLINE("offline");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** The event's name on the wire ({@code sync.started}, {@code note.pushed}, …). */
        public String wireName() {
            return wireName;
        }
    }
}
