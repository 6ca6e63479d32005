package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The statements on {@code member_sync_status}; each runs inside the caller's transaction. */
final class StatusSql {
    private StatusSql() {}

    static Optional<MemberSyncStatus> find(Handle h, MemberId member) {
        return h.createQuery("SELECT * FROM member_sync_status WHERE client_id2 = :m")
                .bind("m", member.value())
                .map(StatusSql::map)
                .findOne();
    }

    static void upsert(Handle h, MemberSyncStatus s) {
        h.createUpdate("INSERT INTO member_sync_status (client_id2, initial_sync_completed, last_sync_at,"
                        + " cursor_stamp, cursor_pk, total_notes_count, last_note_id)"
                        + " VALUES (:m, :done, :lastSync, :stamp, :pk, :total, :lastNote)"
                        + " ON CONFLICT (client_id2) DO UPDATE SET initial_sync_completed = excluded.initial_sync_completed,"
                        + " last_sync_at = excluded.last_sync_at, cursor_stamp = excluded.cursor_stamp,"
                        + " cursor_pk = excluded.cursor_pk, total_notes_count = excluded.total_notes_count,"
                        + " last_note_id = excluded.last_note_id")
                .bind("m", s.member().value())
                .bind("done", s.initialSyncCompleted())
                .bind("lastSync", Sql.millis(s.lastSyncAt()))
                .bind("stamp", s.cursorStamp())
                .bind("pk", s.cursorPk())
                .bind("total", s.totalNotesCount())
                .bind("lastNote", s.lastNoteId())
                .execute();
    }

    /** Moves the member's cursor to (stamp, pk) if that is further on; Caspio stamps compare as text. */
    static void advanceCursor(Handle h, MemberId member, String stamp, Long pk) {
        if (stamp == null || pk == null) {
            return;
        }
        h.createUpdate("UPDATE member_sync_status SET cursor_stamp = :stamp, cursor_pk = :pk WHERE client_id2 = :m"
                        + " AND (cursor_stamp IS NULL OR cursor_stamp < :stamp"
                        + " OR (cursor_stamp = :stamp AND cursor_pk < :pk))")
                .bind("stamp", stamp)
                .bind("pk", pk)
                .bind("m", member.value())
                .execute();
    }

    static void markReconciled(Handle h, MemberId member, Instant at) {
        h.createUpdate("UPDATE member_sync_status SET last_reconciled_at = :at WHERE client_id2 = :m")
                .bind("at", at.toEpochMilli())
                .bind("m", member.value())
                .execute();
    }

    static Optional<Instant> lastReconciled(Handle h, MemberId member) {
        return h.createQuery("SELECT last_reconciled_at FROM member_sync_status WHERE client_id2 = :m")
                .bind("m", member.value())
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli);
    }

    static Instant lastServed(Handle h, MemberId member) {
        return h.createQuery("SELECT last_served_at FROM member_sync_status WHERE client_id2 = :m")
                .bind("m", member.value())
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli)
                .orElse(null);
    }

    static void markServed(Handle h, MemberId member, Instant at) {
        h.createUpdate("UPDATE member_sync_status SET last_served_at = :at WHERE client_id2 = :m")
                .bind("at", at.toEpochMilli())
                .bind("m", member.value())
                .execute();
    }

    private static MemberSyncStatus map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new MemberSyncStatus(
                new MemberId(rs.getString("client_id2")),
                rs.getBoolean("initial_sync_completed"),
                Sql.instant(rs, "last_sync_at"),
                rs.getString("cursor_stamp"),
                rs.getLong("cursor_pk"),
                rs.getInt("total_notes_count"),
                rs.getString("last_note_id"));
    }
}
