package io.smartsync.sync;

import io.smartsync.store.ChangeFeed;
import io.smartsync.store.StoredChange;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns every committed change of a member's notes (whatever path stored it: a selection's pull, the
 * poll, a webhook, a key listing, a local write, a push that completed, failed or met a conflict; here or
 * on another instance) into one {@code member.changed} event: note ids, counts and who made the change,
 * never a note's text.
 */
final class MemberEvents {
    private MemberEvents() {}

    /** Starts forwarding; answers a handle that stops it. */
    static AutoCloseable forward(ChangeFeed feed, SyncEvents events) {
        return feed.listen(
                c -> events.emit(SyncEvent.Type.MEMBER_CHANGED, c.member().value(), null, counts(c)));
    }

    static Map<String, Object> counts(StoredChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created", c.created());
        m.put("updated", c.updated());
        m.put("deleted", c.deleted());
        m.put("states", c.states());
        m.put(
                "changed",
                c.created().size()
                        + c.updated().size()
                        + c.deleted().size()
                        + c.states().size());
        m.put("by", c.by());
        m.put("remote", c.remote());
        return m;
    }
}
