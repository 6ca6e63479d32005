package io.smartsync.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The statements on {@code sign_in_failures}, {@code idempotency_keys} and {@code webhook_messages}. */
final class FrontDoorSql {
    private FrontDoorSql() {}

    static Optional<SignInFailure> failure(Handle h, String userId, String address) {
        return h.createQuery("SELECT * FROM sign_in_failures WHERE user_id = :u AND address = :a")
                .bind("u", userId)
                .bind("a", address)
                .map(FrontDoorSql::mapFailure)
                .findOne();
    }

    /** One statement, so failures counted at once by two requests (or instances) both count. */
    static void countFailure(Handle h, String userId, String address, Instant now) {
        h.createUpdate(
                        "INSERT INTO sign_in_failures (user_id, address, failures, last_failure_at, blocked_until, locked)"
                                + " VALUES (:u, :a, 1, :now, 0, 0) ON CONFLICT (user_id, address) DO UPDATE"
                                + " SET failures = sign_in_failures.failures + 1, last_failure_at = :now")
                .bind("u", userId)
                .bind("a", address)
                .bind("now", now.toEpochMilli())
                .execute();
    }

    static void block(Handle h, SignInFailure f) {
        h.createUpdate("UPDATE sign_in_failures SET blocked_until = :until, locked = :locked"
                        + " WHERE user_id = :u AND address = :a")
                .bind("until", f.blockedUntil().toEpochMilli())
                .bind("locked", f.locked() ? 1 : 0)
                .bind("u", f.userId())
                .bind("a", f.address())
                .execute();
    }

    static void forgetFailures(Handle h, Instant before) {
        h.createUpdate("DELETE FROM sign_in_failures WHERE last_failure_at < :before AND blocked_until < :before")
                .bind("before", before.toEpochMilli())
                .execute();
    }

    static void clear(Handle h, String userId, String address) {
        h.createUpdate("DELETE FROM sign_in_failures WHERE user_id = :u AND address = :a")
                .bind("u", userId)
                .bind("a", address)
                .execute();
    }

    static List<SignInFailure> blocked(Handle h, Instant now, int limit) {
        return h.createQuery("SELECT * FROM sign_in_failures WHERE blocked_until > :now"
                        + " ORDER BY locked DESC, last_failure_at DESC LIMIT :limit")
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map(FrontDoorSql::mapFailure)
                .list();
    }

    static int unlock(Handle h, String userId, String address) {
        if (address == null) {
            return h.createUpdate("DELETE FROM sign_in_failures WHERE user_id = :u")
                    .bind("u", userId)
                    .execute();
        }
        return h.createUpdate("DELETE FROM sign_in_failures WHERE user_id = :u AND address = :a")
                .bind("u", userId)
                .bind("a", address)
                .execute();
    }

    static boolean insertKey(Handle h, IdempotencyRecord r) {
        return h.createUpdate("INSERT INTO idempotency_keys (actor, idem_key, fingerprint, note_id, created_at)"
                                + " VALUES (:actor, :key, :fp, :note, :at) ON CONFLICT (actor, idem_key) DO NOTHING")
                        .bind("actor", r.actor())
                        .bind("key", r.key())
                        .bind("fp", r.fingerprint())
                        .bind("note", r.noteId())
                        .bind("at", r.createdAt().toEpochMilli())
                        .execute()
                == 1;
    }

    static IdempotencyRecord key(Handle h, String actor, String key) {
        return h.createQuery("SELECT * FROM idempotency_keys WHERE actor = :actor AND idem_key = :key")
                .bind("actor", actor)
                .bind("key", key)
                .map(FrontDoorSql::mapKey)
                .one();
    }

    static void answerKey(Handle h, String actor, String key, int status, String answer) {
        h.createUpdate("UPDATE idempotency_keys SET status = :status, answer = :answer"
                        + " WHERE actor = :actor AND idem_key = :key AND status IS NULL")
                .bind("status", status)
                .bind("answer", answer)
                .bind("actor", actor)
                .bind("key", key)
                .execute();
    }

    static void deleteKey(Handle h, String actor, String key) {
        h.createUpdate("DELETE FROM idempotency_keys WHERE actor = :actor AND idem_key = :key AND status IS NULL")
                .bind("actor", actor)
                .bind("key", key)
                .execute();
    }

    static void forgetKeys(Handle h, Instant before) {
        h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :before")
                .bind("before", before.toEpochMilli())
                .execute();
    }

    static boolean insertMessage(Handle h, String messageId, Instant now) {
        return h.createUpdate("INSERT INTO webhook_messages (message_id, received_at) VALUES (:id, :at)"
                                + " ON CONFLICT (message_id) DO NOTHING")
                        .bind("id", messageId)
                        .bind("at", now.toEpochMilli())
                        .execute()
                == 1;
    }

    static void forgetMessages(Handle h, Instant before) {
        h.createUpdate("DELETE FROM webhook_messages WHERE received_at < :before")
                .bind("before", before.toEpochMilli())
                .execute();
    }

    private static SignInFailure mapFailure(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SignInFailure(
                rs.getString("user_id"),
                rs.getString("address"),
                rs.getInt("failures"),
                Sql.instant(rs, "last_failure_at"),
                Sql.instant(rs, "blocked_until"),
                rs.getInt("locked") != 0);
    }

    private static IdempotencyRecord mapKey(ResultSet rs, StatementContext ctx) throws SQLException {
        long status = rs.getLong("status");
        Integer answered = rs.wasNull() ? null : (int) status;
        return new IdempotencyRecord(
                rs.getString("actor"),
                rs.getString("idem_key"),
                rs.getString("fingerprint"),
                rs.getString("note_id"),
                answered,
                rs.getString("answer"),
                Sql.instant(rs, "created_at"));
    }
}
