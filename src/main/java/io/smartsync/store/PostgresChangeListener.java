package io.smartsync.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on the schema's change channel on a connection of its own, outside the pools, and hands what it
 * hears to the {@link ChangeFeed}: so a change committed on another instance reaches the pages connected
 * to this one. A broken connection is opened again after a growing pause (up to {@link #MAX_PAUSE}); what
 * other instances committed while it was down is not heard (pages catch up at their next load). Runs on
 * one named platform thread; thread-safe.
 */
final class PostgresChangeListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostgresChangeListener.class);
    private static final int WAIT_MS = 500;
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private final ChangeFeed feed;
    private final PostgresCoordination.LeaderConnection connections;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    PostgresChangeListener(ChangeFeed feed, PostgresCoordination.LeaderConnection connections) {
        this.feed = feed;
        this.connections = connections;
        this.thread =
                Thread.ofPlatform().daemon().name("smartsync-change-listener").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long pauseMs = 100;
        while (!closed) {
            try (Connection c = connections.open(PostgresCoordination.APP_PREFIX + "changes")) {
                connection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + feed.channel());
                }
                feed.hearing(true);
                log.debug("listening for other instances' changes on {}", feed.channel());
                pauseMs = 100;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] heard = pg.getNotifications(WAIT_MS);
                    if (heard != null) {
                        for (PGNotification n : heard) {
                            feed.heard(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                log.warn(
                        "listening for other instances' changes failed ({}); trying again in {} ms",
                        e.getMessage(),
                        pauseMs);
                LockSupport.parkNanos(Duration.ofMillis(pauseMs).toNanos());
                pauseMs = Math.min(MAX_PAUSE.toMillis(), pauseMs * 2);
            } finally {
                feed.hearing(false);
                connection = null;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
