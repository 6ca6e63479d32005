package io.smartsync.store;

import io.smartsync.note.OutboxAction;
import io.smartsync.note.OutboxEntry;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * How a new local write folds into the note's newest idle outbox entry. The pusher reads the note's
 * content when it pushes, so an entry only has to say what kind of write is due.
 */
final class Coalescing {
    enum Outcome {
        /** The write needs an entry of its own. */
        SEPARATE,
        /** The idle entry now carries the write. */
        MERGED,
        /** A delete met the create of a note that was never sent to Caspio: both are gone. */
        CANCELLED
    }

    private Coalescing() {}

    static Outcome merge(Handle h, OutboxEntry idle, OutboxAction write, Instant at) {
        return switch (write) {
            case CREATE -> Outcome.SEPARATE;
            case UPDATE ->
                switch (idle.action()) {
                    case CREATE -> Outcome.MERGED;
                    case UPDATE -> {
                        OutboxSql.merge(h, idle.id(), OutboxAction.UPDATE, at);
                        yield Outcome.MERGED;
                    }
                    case DELETE -> Outcome.SEPARATE;
                };
            case DELETE ->
                switch (idle.action()) {
                    case CREATE -> {
                        // Once an attempt was made, the row may be in Caspio though no answer said so: the
                        // create goes on (it adopts the row if there is one) and the delete follows it.
                        if (idle.attempts() > 0 || OutboxSql.countFor(h, idle.noteId()) > 1) {
                            yield Outcome.SEPARATE;
                        }
                        OutboxSql.delete(h, idle.id());
                        NoteSql.delete(h, idle.noteId());
                        yield Outcome.CANCELLED;
                    }
                    case UPDATE -> {
                        OutboxSql.merge(h, idle.id(), OutboxAction.DELETE, at);
                        yield Outcome.MERGED;
                    }
                    case DELETE -> Outcome.MERGED;
                };
        };
    }
}
