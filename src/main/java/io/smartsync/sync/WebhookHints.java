package io.smartsync.sync;

import io.smartsync.caspio.NotesTable;
import io.smartsync.note.InvalidInputException;
import io.smartsync.note.Note;
import io.smartsync.store.PullResult;
import io.smartsync.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Caspio webhook message taken as a hint: the rows it names are read from Caspio again and merged as
 * Caspio answers them, never from the message's own fields. Safe for use from many threads.
 */
final class WebhookHints {
    private static final Set<String> EVENT_TYPES =
            Set.of("table.recordInsert", "table.recordUpdate", "table.recordDelete");

    private final Store store;
    private final NotesTable table;
    private final SyncConfig config;
    private final Clock clock;

    WebhookHints(Store store, NotesTable table, SyncConfig config, Clock clock) {
        this.store = store;
        this.table = table;
        this.config = config;
        this.clock = clock;
    }

    /** See {@link SyncService#apply(CaspioEvent)}. */
    int apply(CaspioEvent event) {
        if (!table.name().equalsIgnoreCase(event.objectName())) {
            throw new InvalidInputException("webhook for table " + event.objectName() + ", expected " + table.name());
        }
        if (!EVENT_TYPES.contains(event.eventType())) {
            throw new InvalidInputException("unknown webhook eventType " + event.eventType());
        }
        Set<Long> named = new TreeSet<>(table.pksNamedBy(event.data()));
        Instant readAt = clock.instant();
        List<Note> found = table.rowsByPk(List.copyOf(named));
        PullResult result = store.merges().applyRead(found, readAt);
        found.forEach(n -> named.remove(n.pkId()));
        int gone = 0;
        Duration commitLag = Duration.ofSeconds(config.overlapSeconds());
        for (long pk : named) {
            gone += store.reconciliation().applyListing(null, Set.of(), pk - 1, pk, readAt, commitLag);
        }
        return result.inserted() + result.updated() + gone;
    }
}
