package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.OutboxEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The statements on the {@code outbox} table; each runs on a handle inside the caller's transaction. */
final class OutboxSql {
    private static final String COLUMNS =
            "id, note_id, client_id2, action, queued_at, attempts, last_error, failed, base_stamp, base_hash,"
                    + " unanswered_at";

    /** Only the oldest entry of a note may be taken, so a note's writes reach Caspio in order. */
    private static final String CLAIMABLE = "SELECT " + COLUMNS + " FROM outbox o WHERE o.failed = FALSE"
            + " AND (o.lease_until IS NULL OR o.lease_until < :now)"
            + " AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.note_id = o.note_id AND p.id < o.id)"
            + " ORDER BY o.id LIMIT :limit";

    private OutboxSql() {}

    static OutboxEntry insert(
            Handle h,
            String noteId,
            MemberId member,
            OutboxAction action,
            Instant at,
            String baseStamp,
            String baseHash) {
        long id = h.createUpdate("INSERT INTO outbox (note_id, client_id2, action, queued_at, base_stamp, base_hash)"
                        + " VALUES (:noteId, :m, :action, :at, :base, :hash)")
                .bind("noteId", noteId)
                .bind("m", member.value())
                .bind("action", action.name())
                .bind("at", at.toEpochMilli())
                .bind("base", baseStamp)
                .bind("hash", baseHash)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        return new OutboxEntry(id, noteId, member, action, at, 0, null, false, baseStamp, baseHash, null);
    }

    /** The note's newest entry, if no push holds it and it is not parked: a new write may merge into it. */
    static Optional<OutboxEntry> newestIdle(Handle h, String noteId, Instant now, Dialect dialect) {
        // Locked until the write commits, so no claim takes the entry while the write folds into it.
        return h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE note_id = :id AND failed = FALSE"
                        + " AND (lease_until IS NULL OR lease_until < :now)"
                        + " AND id = (SELECT MAX(id) FROM outbox WHERE note_id = :id)" + dialect.forUpdate())
                .bind("id", noteId)
                .bind("now", now.toEpochMilli())
                .map(OutboxSql::map)
                .findOne();
    }

    static int countFor(Handle h, String noteId) {
        return h.createQuery("SELECT COUNT(*) FROM outbox WHERE note_id = :id")
                .bind("id", noteId)
                .mapTo(Integer.class)
                .one();
    }

    /** Folds a newer write into an idle entry: it now stands for that write, accepted at {@code at}. */
    static void merge(Handle h, long id, OutboxAction action, Instant at) {
        h.createUpdate("UPDATE outbox SET action = :action, queued_at = :at WHERE id = :id")
                .bind("action", action.name())
                .bind("at", at.toEpochMilli())
                .bind("id", id)
                .execute();
    }

    static int size(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM outbox").mapTo(Integer.class).one();
    }

    static boolean hasEntryFor(Handle h, String noteId) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM outbox WHERE note_id = :id)")
                .bind("id", noteId)
                .mapTo(Boolean.class)
                .one();
    }

    /** Which of these notes have a local write queued. */
    static Set<String> queuedAmong(Handle h, Collection<String> noteIds) {
        if (noteIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(Sql.query(
                h,
                "SELECT DISTINCT note_id FROM outbox WHERE note_id IN (" + Sql.inList(noteIds.size()) + ")",
                List.copyOf(noteIds),
                rs -> rs.getString(1)));
    }

    /** Entries another instance is claiming, or a write is folding into, are left for the next claim. */
    static List<OutboxEntry> claim(Handle h, String owner, int limit, Instant now, Duration lease, Dialect dialect) {
        List<OutboxEntry> entries = h.createQuery(CLAIMABLE + dialect.forUpdateSkipLocked())
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map(OutboxSql::map)
                .list();
        List<OutboxEntry> claimed = new ArrayList<>(entries.size());
        for (OutboxEntry e : entries) {
            h.createUpdate("UPDATE outbox SET lease_owner = :owner, lease_until = :until, attempts = attempts + 1"
                            + " WHERE id = :id")
                    .bind("owner", owner)
                    .bind("until", now.plus(lease).toEpochMilli())
                    .bind("id", e.id())
                    .execute();
            claimed.add(new OutboxEntry(
                    e.id(),
                    e.noteId(),
                    e.member(),
                    e.action(),
                    e.queuedAt(),
                    e.attempts() + 1,
                    e.lastError(),
                    false,
                    e.baseStamp(),
                    e.baseHash(),
                    e.unansweredAt()));
        }
        return claimed;
    }

    static void delete(Handle h, long id) {
        h.createUpdate("DELETE FROM outbox WHERE id = :id").bind("id", id).execute();
    }

    /** A held entry belongs to no pusher, so no heartbeat renews it past {@code until}. */
    static void holdUntil(Handle h, long id, String owner, Instant until) {
        h.createUpdate("UPDATE outbox SET lease_until = :until, lease_owner = NULL WHERE id = :id"
                        + " AND lease_owner = :owner")
                .bind("until", until.toEpochMilli())
                .bind("id", id)
                .bind("owner", owner)
                .execute();
    }

    /** The heartbeat: the owner's claims among {@code ids} stay its own until {@code until}. */
    static int renew(Handle h, String owner, Collection<Long> ids, Instant until) {
        if (ids.isEmpty()) {
            return 0;
        }
        return h.createUpdate("UPDATE outbox SET lease_until = :until WHERE lease_owner = :owner AND id IN (<ids>)")
                .bind("until", until.toEpochMilli())
                .bind("owner", owner)
                .bindList("ids", List.copyOf(ids))
                .execute();
    }

    /** Every claim of {@code owner} back to the queue: its pushes ended with the process that made them. */
    static int releaseAll(Handle h, String owner) {
        return h.createUpdate("UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = :owner")
                .bind("owner", owner)
                .execute();
    }

    /** The entry's latest attempt, sent at about {@code at}, got no answer. */
    static void markUnanswered(Handle h, long id, Instant at) {
        h.createUpdate("UPDATE outbox SET unanswered_at = :at WHERE id = :id")
                .bind("at", at.toEpochMilli())
                .bind("id", id)
                .execute();
    }

    static void recordFailure(Handle h, long id, String error, boolean permanent) {
        h.createUpdate("UPDATE outbox SET last_error = :error, failed = :failed,"
                        + " lease_owner = NULL, lease_until = NULL WHERE id = :id")
                .bind("error", error)
                .bind("failed", permanent)
                .bind("id", id)
                .execute();
    }

    static int requeueFailed(Handle h) {
        return h.createUpdate("UPDATE outbox SET failed = FALSE, lease_owner = NULL, lease_until = NULL"
                        + " WHERE failed = TRUE")
                .execute();
    }

    /** A settled conflict: the entry is pushed again, conditional on Caspio's current stamp. */
    static void rebase(Handle h, long id, String baseStamp, String baseHash) {
        h.createUpdate("UPDATE outbox SET base_stamp = :base, base_hash = :hash, failed = FALSE, lease_owner = NULL,"
                        + " lease_until = NULL"
                        + " WHERE id = :id")
                .bind("base", baseStamp)
                .bind("hash", baseHash)
                .bind("id", id)
                .execute();
    }

    /**
     * The note's queued entries that were based on the version {@code pushed} replaced (its base stamp)
     * are now based on what that push made Caspio hold: they were written on top of the version it sent.
     */
    static void rebaseFollowing(Handle h, OutboxEntry pushed, String baseStamp, String baseHash) {
        String sameBase = pushed.baseStamp() == null ? "base_stamp IS NULL" : "base_stamp = :from";
        h.createUpdate("UPDATE outbox SET base_stamp = :base, base_hash = :hash WHERE note_id = :id AND " + sameBase)
                .bind("base", baseStamp)
                .bind("hash", baseHash)
                .bind("id", pushed.noteId())
                .bind("from", pushed.baseStamp())
                .execute();
    }

    static List<OutboxEntry> list(Handle h, boolean failed) {
        return h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE failed = :failed ORDER BY id")
                .bind("failed", failed)
                .map(OutboxSql::map)
                .list();
    }

    private static OutboxEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new OutboxEntry(
                rs.getLong("id"),
                rs.getString("note_id"),
                new MemberId(rs.getString("client_id2")),
                OutboxAction.valueOf(rs.getString("action")),
                Sql.instant(rs, "queued_at"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getBoolean("failed"),
                rs.getString("base_stamp"),
                rs.getString("base_hash"),
                Sql.instant(rs, "unanswered_at"));
    }
}
