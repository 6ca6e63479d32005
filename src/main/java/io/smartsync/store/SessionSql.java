package io.smartsync.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The statements on {@code sessions}. */
final class SessionSql {
    private SessionSql() {}

    static void insert(Handle h, SessionRecord s) {
        h.createUpdate("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)"
                        + " VALUES (:hash, :user, :csrf, :created, :seen, :expires)")
                .bind("hash", s.tokenHash())
                .bind("user", s.userId())
                .bind("csrf", s.csrfToken())
                .bind("created", Sql.millis(s.createdAt()))
                .bind("seen", Sql.millis(s.lastSeenAt()))
                .bind("expires", Sql.millis(s.expiresAt()))
                .execute();
    }

    static Optional<SessionRecord> find(Handle h, String tokenHash) {
        return h.createQuery("SELECT * FROM sessions WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map(SessionSql::map)
                .findOne();
    }

    static void touch(Handle h, String tokenHash, Instant at) {
        h.createUpdate("UPDATE sessions SET last_seen_at = :at WHERE token_hash = :hash")
                .bind("at", at.toEpochMilli())
                .bind("hash", tokenHash)
                .execute();
    }

    static void delete(Handle h, String tokenHash) {
        h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .execute();
    }

    static void deleteForUser(Handle h, String userId) {
        h.createUpdate("DELETE FROM sessions WHERE user_id = :user")
                .bind("user", userId)
                .execute();
    }

    static int deleteExpired(Handle h, Instant now) {
        return h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli())
                .execute();
    }

    private static SessionRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SessionRecord(
                rs.getString("token_hash"),
                rs.getString("user_id"),
                rs.getString("csrf_token"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "last_seen_at"),
                Sql.instant(rs, "expires_at"));
    }
}
