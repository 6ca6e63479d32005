package io.smartsync.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The statements on {@code users}. */
final class UserSql {
    private UserSql() {}

    static boolean insert(Handle h, UserRecord u) {
        return h.createUpdate("INSERT INTO users (user_id, full_name, role, password_hash, created_at, disabled_at)"
                                + " VALUES (:id, :name, :role, :hash, :created, :disabled)"
                                + " ON CONFLICT (user_id) DO NOTHING")
                        .bind("id", u.userId())
                        .bind("name", u.fullName())
                        .bind("role", u.role())
                        .bind("hash", u.passwordHash())
                        .bind("created", Sql.millis(u.createdAt()))
                        .bind("disabled", Sql.millis(u.disabledAt()))
                        .execute()
                == 1;
    }

    static Optional<UserRecord> find(Handle h, String userId) {
        return h.createQuery("SELECT * FROM users WHERE user_id = :id")
                .bind("id", userId)
                .map(UserSql::map)
                .findOne();
    }

    static List<UserRecord> all(Handle h) {
        return h.createQuery("SELECT * FROM users ORDER BY created_at, user_id")
                .map(UserSql::map)
                .list();
    }

    static boolean disable(Handle h, String userId, Instant at) {
        return h.createUpdate("UPDATE users SET disabled_at = :at WHERE user_id = :id AND disabled_at IS NULL")
                        .bind("at", at.toEpochMilli())
                        .bind("id", userId)
                        .execute()
                == 1;
    }

    /** Reads the stored salt; sets it only where none is stored, so two first sign-ins agree on one. */
    static Optional<String> offlineSalt(Handle h, String userId, String fresh) {
        Optional<String> stored = storedSalt(h, userId);
        if (stored.isPresent()) {
            return stored;
        }
        h.createUpdate("UPDATE users SET offline_salt = :salt WHERE user_id = :id AND offline_salt IS NULL")
                .bind("salt", fresh)
                .bind("id", userId)
                .execute();
        return storedSalt(h, userId);
    }

    private static Optional<String> storedSalt(Handle h, String userId) {
        return h.createQuery("SELECT offline_salt FROM users WHERE user_id = :id")
                .bind("id", userId)
                .mapTo(String.class)
                .findOne();
    }

    private static UserRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new UserRecord(
                rs.getString("user_id"),
                rs.getString("full_name"),
                rs.getString("role"),
                rs.getString("password_hash"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "disabled_at"));
    }
}
