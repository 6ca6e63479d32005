package io.smartsync.store;

import io.smartsync.note.Conflict;
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

    void resolveConflict(long id, String outcome, String by);
}
