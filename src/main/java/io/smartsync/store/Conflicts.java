package io.smartsync.store;

import io.smartsync.note.Conflict;
import io.smartsync.note.ConflictChoice;
import java.util.List;
import java.util.Optional;

/**
 * Conflicts between a local write and Caspio's version, as recorded and as a person resolved them.
 * Every method is one transaction; implementations are safe for use from many threads.
 */
public interface Conflicts {
    /** Records a conflict; answers its id. */
    long recordConflict(Conflict conflict);

    /** The newest conflicts first. */
    List<Conflict> conflicts(int limit);

    Optional<Conflict> conflict(long id);

    /** Marks the conflict settled as {@code choice} by {@code by}, now. */
    void resolveConflict(long id, ConflictChoice choice, String by);
}
