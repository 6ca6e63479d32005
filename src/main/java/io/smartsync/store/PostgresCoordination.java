package io.smartsync.store;

import com.zaxxer.hikari.HikariDataSource;
import io.smartsync.note.MemberId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Coordination} through PostgreSQL advisory locks. The poller role is a session lock on a
 * connection of its own: it is released when the instance dies, because its connection closes, and the
 * next instance to ask takes it. Who holds it is read from {@code pg_locks}, by the connection's
 * application name. A member's initial sync is a session lock on a connection from a small pool of its
 * own, so syncs waiting for it never starve the store's transactions. Thread-safe.
 */
final class PostgresCoordination implements Coordination, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostgresCoordination.class);
    static final String APP_PREFIX = "smartsync:";
    private static final String LOCK_TIMEOUT = "55P03";

    private final DataSource store;
    private final HikariDataSource locks;
    private final LockKeys keys;
    private final LeaderConnection leaderConnection;
    private Connection roleConnection;
    private boolean leading;

    /**
     * @param store the store's pool, for reading who leads
     * @param locks a pool that only holds initial-sync locks
     * @param leaderConnection opens the connection that asks for and holds the poller role
     */
    PostgresCoordination(DataSource store, HikariDataSource locks, LockKeys keys, LeaderConnection leaderConnection) {
        this.store = store;
        this.locks = locks;
        this.keys = keys;
        this.leaderConnection = leaderConnection;
    }

    /** Opens a plain connection named {@code applicationName}, outside any pool. */
    @FunctionalInterface
    interface LeaderConnection {
        Connection open(String applicationName) throws SQLException;
    }

    @Override
    public synchronized boolean lead(String instance) {
        try {
            if (roleConnection != null && !roleConnection.isValid(2)) {
                if (leading) {
                    log.warn("instance {} lost the poller role: its database connection broke", instance);
                }
                closeRoleConnection();
            }
            if (roleConnection == null) {
                roleConnection = leaderConnection.open(APP_PREFIX + instance);
            }
            if (!leading) {
                try (PreparedStatement st = roleConnection.prepareStatement("SELECT pg_try_advisory_lock(?, 0)")) {
                    st.setInt(1, keys.lead());
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        leading = rs.getBoolean(1);
                    }
                }
                if (leading) {
                    log.info("instance {} runs the global poll and the reconcile now", instance);
                }
            }
            return leading;
        } catch (SQLException e) {
            log.warn("instance {} could not ask for the poller role: {}", instance, e.getMessage());
            closeRoleConnection();
            return false;
        }
    }

    private void closeRoleConnection() {
        leading = false;
        if (roleConnection != null) {
            try {
                roleConnection.close();
            } catch (SQLException e) {
                log.debug("closing the poller-role connection: {}", e.getMessage());
            }
            roleConnection = null;
        }
    }

    @Override
    public Optional<String> leader() {
        try (Connection c = store.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT a.application_name FROM pg_locks l"
                        + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
                        + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                        + " AND l.classid = CAST(CAST(? AS int4) AS oid) AND l.objid = 0 AND l.objsubid = 2")) {
            st.setInt(1, keys.lead());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String name = rs.getString(1);
                return Optional.of(name.startsWith(APP_PREFIX) ? name.substring(APP_PREFIX.length()) : name);
            }
        } catch (SQLException e) {
            throw new StoreException("reading who holds the poller role failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Held holdInitialSync(MemberId member, Duration wait) {
        Connection c;
        try {
            c = locks.getConnection();
        } catch (SQLException e) {
            throw new MemberBusyException(member, wait, e);
        }
        try {
            try (Statement st = c.createStatement()) {
                st.execute("SET lock_timeout = " + Math.max(1, wait.toMillis()));
            }
            call(c, "SELECT pg_advisory_lock(?, hashtext(?))", member);
        } catch (SQLException e) {
            close(c);
            if (LOCK_TIMEOUT.equals(e.getSQLState())) {
                throw new MemberBusyException(member, wait, e);
            }
            throw new StoreException(
                    "member " + member.value() + ": taking its sync lock failed: " + e.getMessage(), e);
        }
        return () -> {
            try {
                call(c, "SELECT pg_advisory_unlock(?, hashtext(?))", member);
                try (Statement st = c.createStatement()) {
                    st.execute("RESET lock_timeout");
                }
                close(c);
            } catch (SQLException e) {
                // The session may still hold the lock: its connection must not go back to the pool.
                log.warn(
                        "member {}: releasing its sync lock failed ({}); its connection closes",
                        member,
                        e.getMessage());
                locks.evictConnection(c);
            }
        };
    }

    private void call(Connection c, String sql, MemberId member) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setInt(1, keys.sync());
            st.setString(2, member.value());
            st.executeQuery().close();
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("closing a lock connection: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        closeRoleConnection();
    }
}
