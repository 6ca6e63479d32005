package io.smartsync.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The statements on {@code sync_history}. */
final class HistorySql {
    private HistorySql() {}

    static void insert(Handle h, SyncRun r) {
        h.createUpdate("INSERT INTO sync_history (started_at, duration_ms, kind, client_id2, requests, bytes_in,"
                        + " bytes_out, rows_read, new_notes, updated_notes, outcome) VALUES (:startedAt, :durationMs,"
                        + " :kind, :clientId2, :requests, :bytesIn, :bytesOut, :rowsRead, :newNotes, :updatedNotes,"
                        + " :outcome)")
                .bind("startedAt", Sql.millis(r.startedAt()))
                .bind("durationMs", r.durationMs())
                .bind("kind", r.kind())
                .bind("clientId2", r.clientId2())
                .bind("requests", r.requests())
                .bind("bytesIn", r.bytesIn())
                .bind("bytesOut", r.bytesOut())
                .bind("rowsRead", r.rowsRead())
                .bind("newNotes", r.newNotes())
                .bind("updatedNotes", r.updatedNotes())
                .bind("outcome", r.outcome())
                .execute();
    }

    static int prune(Handle h, Instant before) {
        return h.createUpdate("DELETE FROM sync_history WHERE started_at < :before")
                .bind("before", before.toEpochMilli())
                .execute();
    }

    static List<SyncRun> recent(Handle h, int limit) {
        return h.createQuery("SELECT * FROM sync_history ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(HistorySql::map)
                .list();
    }

    private static SyncRun map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SyncRun(
                Sql.instant(rs, "started_at"),
                rs.getLong("duration_ms"),
                rs.getString("kind"),
                rs.getString("client_id2"),
                rs.getInt("requests"),
                rs.getLong("bytes_in"),
                rs.getLong("bytes_out"),
                rs.getInt("rows_read"),
                rs.getInt("new_notes"),
                rs.getInt("updated_notes"),
                rs.getString("outcome"));
    }
}
