package io.smartsync.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartsync.note.MemberId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every committed change of members' notes to whoever listens: this instance's own changes after
 * their commit, and on PostgreSQL those of the other instances sharing the store, which each transaction
 * announces with {@code pg_notify} on the schema's channel (delivered when it commits, never when it rolls
 * back) and {@link PostgresChangeListener} hears. A notification carries note ids and counts, never a
 * note's text. Listeners run on the committing (or listening) thread, so they must be quick. Thread-safe.
 */
public final class ChangeFeed {
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    /** Ids per notification: well under PostgreSQL's 8000-byte payload limit with UUID note ids. */
    static final int IDS_PER_NOTICE = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CopyOnWriteArrayList<Consumer<StoredChange>> listeners = new CopyOnWriteArrayList<>();
    private final String origin = UUID.randomUUID().toString();
    private final String channel;

    /** @param channel the PostgreSQL notification channel, or null where only this process writes */
    private volatile boolean hearing;

    ChangeFeed(String channel) {
        this.channel = channel;
    }

    /** Adds a listener; answers a handle that removes it again. */
    public AutoCloseable listen(Consumer<StoredChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** True while this store listens to other instances' changes (PostgreSQL, once its LISTEN is in place). */
    public boolean hearsOtherInstances() {
        return hearing;
    }

    void hearing(boolean on) {
        hearing = on;
    }

    String channel() {
        return channel;
    }

    /** Runs inside the transaction: on PostgreSQL, queues its notifications, sent when it commits. */
    void announce(Handle h, List<StoredChange> changes) {
        if (channel == null) {
            return;
        }
        for (StoredChange c : changes) {
            for (Notice n : Notice.split(origin, c)) {
                h.createQuery("SELECT pg_notify(:channel, :payload)")
                        .bind("channel", channel)
                        .bind("payload", n.json())
                        .mapTo(String.class)
                        .one();
            }
        }
    }

    /** This instance's committed changes. */
    void publish(List<StoredChange> changes) {
        changes.forEach(this::deliver);
    }

    /** A notification heard on the channel: another instance's change (this instance's own are skipped). */
    void heard(String payload) {
        try {
            Notice n = JSON.readValue(payload, Notice.class);
            if (!origin.equals(n.o())) {
                deliver(n.change().asRemote());
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.warn("a change notification could not be read: {}", e.getClass().getSimpleName());
        }
    }

    private void deliver(StoredChange change) {
        for (Consumer<StoredChange> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                log.warn("a change listener failed: {}", e.toString());
            }
        }
    }

    /** The wire form of a change: short names, ids only. */
    record Notice(String o, String m, String b, List<String> c, List<String> u, List<String> d, List<String> s) {
        StoredChange change() {
            return new StoredChange(new MemberId(m), b, c, u, d, s, false);
        }

        String json() {
            try {
                return JSON.writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a change notification could not be written", e);
            }
        }

        /** The change in notices of at most {@link #IDS_PER_NOTICE} ids each. */
        static List<Notice> split(String origin, StoredChange c) {
            List<Notice> out = new ArrayList<>();
            List<List<String>> lists = List.of(c.created(), c.updated(), c.deleted(), c.states());
            int total = lists.stream().mapToInt(List::size).sum();
            for (int from = 0; from < total || from == 0; from += IDS_PER_NOTICE) {
                List<List<String>> part = new ArrayList<>();
                int skip = from;
                int room = IDS_PER_NOTICE;
                for (List<String> l : lists) {
                    int start = Math.min(l.size(), skip);
                    int end = Math.min(l.size(), start + room);
                    part.add(l.subList(start, end));
                    skip -= start;
                    room -= end - start;
                }
                out.add(new Notice(
                        origin, c.member().value(), c.by(), part.get(0), part.get(1), part.get(2), part.get(3)));
            }
            return out;
        }
    }
}
