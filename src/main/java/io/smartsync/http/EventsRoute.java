package io.smartsync.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.smartsync.access.Principal;
import io.smartsync.sync.SyncEvent;
import io.smartsync.sync.SyncService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/sync/events}: the sync engine's events as server-sent events (sync started, progress,
 * finished, note pushed or failed, conflict, online/offline), with ids and counts, never note text. Each
 * stream drains its own bounded queue on its own (virtual) thread, so a slow reader never holds up the
 * engine; a reader too slow to keep up is cut off and reconnects. Thread-safe.
 */
final class EventsRoute implements AutoCloseable {
    static final String PATH = "/api/sync/events";

    private static final Logger log = LoggerFactory.getLogger(EventsRoute.class);
    private static final int BACKLOG = 1000;
    private static final long HEARTBEAT_SECONDS = 15;

    private final SyncService sync;
    private final Audit audit;
    private final ObjectMapper json;
    private final AtomicBoolean closed = new AtomicBoolean();

    EventsRoute(SyncService sync, Audit audit, ObjectMapper json) {
        this.sync = sync;
        this.audit = audit;
        this.json = json;
    }

    List<Route> routes() {
        SseHandler stream = new SseHandler(this::stream);
        return List.of(Route.get(PATH, Access.STAFF, ctx -> {
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                throw ApiException.badRequest("this is an event stream: send Accept: text/event-stream");
            }
            audit.ok(Auth.principal(ctx), "events.subscribe", null, null);
            stream.handle(ctx);
        }));
    }

    private void stream(SseClient client) {
        BlockingQueue<SyncEvent> queue = new ArrayBlockingQueue<>(BACKLOG);
        AtomicBoolean overflowed = new AtomicBoolean();
        Principal who = Auth.principal(client.ctx());
        AutoCloseable listening = sync.events().listen(e -> {
            if (!queue.offer(e)) {
                overflowed.set(true);
            }
        });
        try {
            client.keepAlive();
            client.sendEvent("ready", "{}");
            while (!client.terminated() && !closed.get()) {
                SyncEvent e = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (overflowed.get()) {
                    log.warn("event stream of {} fell {} events behind; closing it", who.userId(), BACKLOG);
                    break;
                }
                if (e == null) {
                    client.sendComment("heartbeat");
                } else {
                    client.sendEvent(e.type().wireName(), text(e));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | JsonProcessingException e) {
            log.debug("event stream ended: {}", e.toString());
        } finally {
            Closing.quietly(listening);
            client.close();
        }
    }

    private String text(SyncEvent e) throws JsonProcessingException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", e.type().wireName());
        m.put("clientId2", e.clientId2());
        m.put("noteId", e.noteId());
        m.put("counts", e.counts());
        m.put("at", e.at().toString());
        return json.writeValueAsString(m);
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
