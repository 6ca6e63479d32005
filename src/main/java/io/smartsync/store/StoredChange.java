package io.smartsync.store;

import io.smartsync.note.MemberId;
import java.util.List;

/**
 * What one committed transaction changed among a member's notes: note ids only, never a note's text.
 *
 * @param by who made the change: {@code caspio} for rows read from Caspio, {@code push} for a write of
 *     this service that Caspio confirmed (or that failed or met a conflict), else the name of the person
 *     whose local write it was
 * @param created notes that were not stored before (or only as a tombstone)
 * @param updated notes whose content changed
 * @param deleted notes that became tombstones or were removed
 * @param states notes whose sync state alone changed (pushed, failed, conflict, queued again)
 * @param remote true when another instance sharing the store committed it
 */
public record StoredChange(
        MemberId member,
        String by,
        List<String> created,
        List<String> updated,
        List<String> deleted,
        List<String> states,
        boolean remote) {
    public static final String CASPIO = "caspio";
    public static final String PUSH = "push";
    /** A local write whose author is not known (a note made elsewhere without a name, edited by a script). */
    public static final String SOMEONE = "someone";

    public StoredChange {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        deleted = List.copyOf(deleted);
        states = List.copyOf(states);
    }

    /** The same change, as heard from another instance. */
    StoredChange asRemote() {
        return new StoredChange(member, by, created, updated, deleted, states, true);
    }
}
