package io.smartsync.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The statements on {@code api_keys}. */
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

    static List<ApiKeyRecord> keys(Handle h) {
        return h.createQuery("SELECT * FROM api_keys ORDER BY created_at, id")
                .map(AccessSql::mapKey)
                .list();
    }

    static boolean revokeKey(Handle h, String id, Instant at) {
        return h.createUpdate("UPDATE api_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                        .bind("at", at.toEpochMilli())
                        .bind("id", id)
                        .execute()
                == 1;
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
}
