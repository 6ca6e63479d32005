package io.smartsync.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The statements on {@code api_keys} and {@code audit_log}. */
final class AccessSql {
    private AccessSql() {}

    static void insertKey(Handle h, ApiKeyRecord k) {
        h.createUpdate("INSERT INTO api_keys (id, key_hash, owner_id, owner_name, role, created_at, revoked_at)"
                        + " VALUES (:id, :hash, :owner, :name, :role, :created, :revoked)")
                .bind("id", k.id())
                .bind("hash", k.keyHash())
                .bind("owner", k.ownerId())
                .bind("name", k.ownerName())
                .bind("role", k.role())
                .bind("created", Sql.millis(k.createdAt()))
                .bind("revoked", Sql.millis(k.revokedAt()))
                .execute();
    }

    static Optional<ApiKeyRecord> keyByHash(Handle h, String hash) {
        return h.createQuery("SELECT * FROM api_keys WHERE key_hash = :hash")
                .bind("hash", hash)
                .map(AccessSql::mapKey)
                .findOne();
    }

    static void insertAudit(Handle h, AuditRecord a) {
        h.createUpdate("INSERT INTO audit_log (at, actor, action, client_id2, note_id, outcome)"
                        + " VALUES (:at, :actor, :action, :m, :note, :outcome)")
                .bind("at", Sql.millis(a.at()))
                .bind("actor", a.actor())
                .bind("action", a.action())
                .bind("m", a.clientId2())
                .bind("note", a.noteId())
                .bind("outcome", a.outcome())
                .execute();
    }

    static List<AuditRecord> recentAudit(Handle h, int limit) {
        return h.createQuery("SELECT * FROM audit_log ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(AccessSql::mapAudit)
                .list();
    }

    private static ApiKeyRecord mapKey(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ApiKeyRecord(
                rs.getString("id"),
                rs.getString("key_hash"),
                rs.getString("owner_id"),
                rs.getString("owner_name"),
                rs.getString("role"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "revoked_at"));
    }

    private static AuditRecord mapAudit(ResultSet rs, StatementContext ctx) throws SQLException {
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
