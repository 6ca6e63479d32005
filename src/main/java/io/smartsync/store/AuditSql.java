package io.smartsync.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** The statements on {@code audit_log}. */
final class AuditSql {
    private AuditSql() {}

    static void insert(Handle h, AuditRecord a) {
        // Positional: every member read writes one.
        Sql.update(
                h,
                "INSERT INTO audit_log (at, actor, action, client_id2, note_id, outcome) VALUES (?, ?, ?, ?, ?, ?)",
                Sql.millis(a.at()),
                a.actor(),
                a.action(),
                a.clientId2(),
                a.noteId(),
                a.outcome());
    }

    /** Only fixed column names go into the text; every value is bound. */
    static List<AuditRecord> find(Handle h, AuditQuery q) {
        Map<String, Object> binds = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        condition(where, binds, "actor = :actor", "actor", q.actor());
        condition(where, binds, "client_id2 = :m", "m", q.clientId2());
        condition(where, binds, "action = :action", "action", q.action());
        condition(where, binds, "at >= :from", "from", Sql.millis(q.from()));
        condition(where, binds, "at < :to", "to", Sql.millis(q.to()));
        condition(where, binds, "id < :before", "before", q.beforeId());
        String sql = "SELECT * FROM audit_log"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY id DESC LIMIT :limit";
        Query query = h.createQuery(sql).bind("limit", q.limit());
        binds.forEach(query::bind);
        return query.map(AuditSql::map).list();
    }

    private static void condition(List<String> where, Map<String, Object> binds, String sql, String name, Object v) {
        if (v != null) {
            where.add(sql);
            binds.put(name, v);
        }
    }

    static int purge(Handle h, Instant before) {
        return h.createUpdate("DELETE FROM audit_log WHERE at < :before")
                .bind("before", before.toEpochMilli())
                .execute();
    }

    private static AuditRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AuditRecord(
                rs.getLong("id"),
                Sql.instant(rs, "at"),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("client_id2"),
                rs.getString("note_id"),
                rs.getString("outcome"));
    }
}
