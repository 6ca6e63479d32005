package io.smartsync.store;

import io.smartsync.note.MemberId;
import java.time.Duration;
import java.util.Optional;

/**
 * What instances sharing one store agree on: which one runs the global poll and the reconcile, and that
 * a member's initial sync runs on one instance at a time. On SQLite there is one instance, which always
 * leads. Implementations are safe for use from many threads.
 */
public interface Coordination {

    /**
     * Takes, or keeps, the role of the instance that runs the global poll and the reconcile; answers
     * whether this instance holds it now. The role moves to another instance when this one dies.
     */
    boolean lead(String instance);

    /** The instance that holds the role now, if one does. */
    Optional<String> leader();

    /**
     * Holds the member's initial sync for this instance until the answer is closed; another instance
     * asking for it waits.
     *
     * @throws MemberBusyException when another instance still holds it after {@code wait}
     */
    Held holdInitialSync(MemberId member, Duration wait);

    /** A lock held until closed. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
