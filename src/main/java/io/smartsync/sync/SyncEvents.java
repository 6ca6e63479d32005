package io.smartsync.sync;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands sync events to whoever listens. Listeners run on the thread that emits, so they must be quick
 * (the server-sent events hand them to a queue). Thread-safe.
 */
public final class SyncEvents {
    private static final Logger log = LoggerFactory.getLogger(SyncEvents.class);

    private final CopyOnWriteArrayList<Consumer<SyncEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;

    SyncEvents(Clock clock) {
        this.clock = clock;
    }

    /** Adds a listener; answers a handle that removes it again. */
    public AutoCloseable listen(Consumer<SyncEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void emit(SyncEvent.Type type, String clientId2, String noteId, Map<String, Object> counts) {
        SyncEvent event = new SyncEvent(type, clientId2, noteId, counts, clock.instant());
        for (Consumer<SyncEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.warn("a sync event listener failed: {}", e.toString());
            }
        }
    }
}
