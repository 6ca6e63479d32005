package io.smartsync.cli.soak;

import io.smartsync.store.StoreLocation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The service's store read directly and read-only, as it is: no request that syncs first, no full check.
 * SQLite opens in read-only mode beside a running service (WAL); PostgreSQL in a read-only transaction.
 */
final class StorePeek {
    /** One stored note; {@code deleted} for a tombstone. */
    record Stored(String noteId, String member, String comments, boolean deleted) {}

    /** Every stored note by id, and the outbox: entries waiting and entries parked. */
    record Snapshot(Map<String, Stored> notes, int pending, int parked) {}

    private final StoreLocation location;

    StorePeek(StoreLocation location) {
        this.location = location;
    }

    Snapshot read() {
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            Map<String, Stored> notes = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT note_id, client_id2, comments, deleted FROM notes")) {
                while (rs.next()) {
                    notes.put(
                            rs.getString(1),
                            new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
            int pending = 0;
            int parked = 0;
            try (ResultSet rs = st.executeQuery("SELECT failed, COUNT(*) FROM outbox GROUP BY failed")) {
                while (rs.next()) {
                    if (rs.getBoolean(1)) {
                        parked += rs.getInt(2);
                    } else {
                        pending += rs.getInt(2);
                    }
                }
            }
            return new Snapshot(notes, pending, parked);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store " + location.redacted() + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        if (location.isPostgres()) {
            Connection c = DriverManager.getConnection(location.postgresUrl());
            c.setReadOnly(true);
            return c;
        }
        return DriverManager.getConnection(
                "jdbc:sqlite:file:" + location.sqliteFile().toAbsolutePath() + "?mode=ro");
    }
}
