package io.smartsync.store;

import io.smartsync.note.CaspioRow;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.NotePosition;
import io.smartsync.note.SyncState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** The statements on the {@code notes} table; each runs on a handle inside the caller's transaction. */
final class NoteSql {
    static final String COLUMNS = "note_id, client_id2, pk_id, comments, user_id, user_full_name, time_stamp,"
            + " follow_up_date, follow_up_status, follow_up_assignment, assigned_first, senior_full_name,"
            + " last_modified, caspio_stamp, sync_state, deleted, changed_at";

    private static final String UPSERT = "INSERT INTO notes (" + COLUMNS + ", first_seen_at, came_by, came_at)"
            + " VALUES (:noteId, :clientId2, :pkId, :comments, :userId, :userFullName, :timeStamp, :followUpDate,"
            + " :followUpStatus, :followUpAssignment, :assignedFirst, :seniorFullName, :lastModified, :caspioStamp,"
            + " :syncState, :deleted, :changedAt, :changedAt, :cameBy, :cameAt)"
            + " ON CONFLICT (note_id) DO UPDATE SET client_id2 = excluded.client_id2, pk_id = excluded.pk_id,"
            + " comments = excluded.comments, user_id = excluded.user_id, user_full_name = excluded.user_full_name,"
            + " time_stamp = excluded.time_stamp, follow_up_date = excluded.follow_up_date,"
            + " follow_up_status = excluded.follow_up_status, follow_up_assignment = excluded.follow_up_assignment,"
            + " assigned_first = excluded.assigned_first, senior_full_name = excluded.senior_full_name,"
            + " last_modified = excluded.last_modified, caspio_stamp = excluded.caspio_stamp,"
            + " sync_state = excluded.sync_state, deleted = excluded.deleted, changed_at = excluded.changed_at,"
            + " came_by = excluded.came_by, came_at = excluded.came_at";

    /** {@link #UPSERT} with its parameters by position, in the order they appear. */
    private static final String UPSERT_POSITIONAL = UPSERT.replaceAll(":[A-Za-z0-9]+", "?");

    private NoteSql() {}

    /** Stores a local version of a note: it has no provenance until its push completes. */
    static void upsert(Handle h, Note n, Instant changedAt) {
        upsert(h, n, changedAt, null);
    }

    /** Stores a note with how this version came to be. */
    static void upsert(Handle h, Note n, Instant changedAt, Merge.Provenance from) {
        h.createUpdate(UPSERT)
                .bind("noteId", n.noteId())
                .bind("clientId2", n.member().value())
                .bind("pkId", n.pkId())
                .bind("comments", n.comments())
                .bind("userId", n.userId())
                .bind("userFullName", n.userFullName())
                .bind("timeStamp", Sql.millis(n.timeStamp()))
                .bind("followUpDate", Sql.text(n.followUpDate()))
                .bind("followUpStatus", n.followUpStatus())
                .bind("followUpAssignment", n.followUpAssignment())
                .bind("assignedFirst", n.assignedFirst())
                .bind("seniorFullName", n.seniorFullName())
                .bind("lastModified", Sql.millis(n.lastModified()))
                .bind("caspioStamp", n.caspioStamp())
                .bind("syncState", n.syncState().name())
                .bind("deleted", n.deleted())
                .bind("changedAt", changedAt.toEpochMilli())
                .bind("cameBy", from == null ? null : from.origin().name())
                .bind("cameAt", from == null ? null : from.at().toEpochMilli())
                .execute();
    }

    /**
     * Stores many notes with one prepared statement in one batch: the page writes of a table-wide preload.
     * Plain JDBC with positional parameters, since binding by name costs more than the insert itself.
     */
    static void upsertAll(Handle h, List<Note> notes, Instant changedAt, Merge.Provenance from) {
        if (notes.isEmpty()) {
            return;
        }
        try (PreparedStatement st = h.getConnection().prepareStatement(UPSERT_POSITIONAL)) {
            long at = changedAt.toEpochMilli();
            for (Note n : notes) {
                st.setString(1, n.noteId());
                st.setString(2, n.member().value());
                setLong(st, 3, n.pkId());
                st.setString(4, n.comments());
                st.setString(5, n.userId());
                st.setString(6, n.userFullName());
                setLong(st, 7, Sql.millis(n.timeStamp()));
                st.setString(8, Sql.text(n.followUpDate()));
                st.setString(9, n.followUpStatus());
                st.setString(10, n.followUpAssignment());
                st.setString(11, n.assignedFirst());
                st.setString(12, n.seniorFullName());
                setLong(st, 13, Sql.millis(n.lastModified()));
                st.setString(14, n.caspioStamp());
                st.setString(15, n.syncState().name());
                st.setBoolean(16, n.deleted());
                st.setLong(17, at);
                st.setLong(18, at);
                st.setString(19, from.origin().name());
                st.setLong(20, from.at().toEpochMilli());
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("storing " + notes.size() + " notes: " + e.getMessage(), e);
        }
    }

    private static void setLong(PreparedStatement st, int index, Long value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.BIGINT);
        } else {
            st.setLong(index, value);
        }
    }

    /** A row made elsewhere can gain a sync id later; drop the copy stored under its old id. */
    static void dropOtherIdsForRow(Handle h, Note n) {
        if (n.pkId() != null) {
            h.createUpdate("DELETE FROM notes WHERE pk_id = :pk AND note_id <> :id")
                    .bind("pk", n.pkId())
                    .bind("id", n.noteId())
                    .execute();
        }
    }

    /** Records the keys of the rows queued creates made, by note id: see {@link Merge.Identify}. */
    static void identifyAll(Handle h, Map<String, Long> pkByNoteId) {
        if (pkByNoteId.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("UPDATE notes SET pk_id = :pk WHERE note_id = :id AND pk_id IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM notes o WHERE o.pk_id = :pk)");
        pkByNoteId.forEach((id, pk) -> batch.bind("pk", pk).bind("id", id).add());
        batch.execute();
    }

    static void delete(Handle h, String noteId) {
        h.createUpdate("DELETE FROM notes WHERE note_id = :id")
                .bind("id", noteId)
                .execute();
    }

    static Optional<Note> find(Handle h, String noteId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM notes WHERE note_id = :id")
                .bind("id", noteId)
                .map(NoteSql::map)
                .findOne();
    }

    static StoredKeys storedKeys(Handle h, MemberId member) {
        if (member == null) {
            return h.createQuery("SELECT COUNT(*) AS n, COALESCE(MAX(pk_id), 0) AS max_pk FROM notes"
                            + " WHERE deleted = FALSE AND pk_id IS NOT NULL")
                    .map((rs, ctx) -> new StoredKeys(rs.getLong("n"), rs.getLong("max_pk")))
                    .one();
        }
        return h.createQuery("SELECT COUNT(*) AS n, COALESCE(MAX(pk_id), 0) AS max_pk FROM notes"
                        + " WHERE client_id2 = :m AND deleted = FALSE AND pk_id IS NOT NULL")
                .bind("m", member.value())
                .map((rs, ctx) -> new StoredKeys(rs.getLong("n"), rs.getLong("max_pk")))
                .one();
    }

    static List<Note> forMember(Handle h, MemberId member) {
        return h.createQuery("SELECT " + COLUMNS + " FROM notes WHERE client_id2 = :m AND deleted = FALSE"
                        + " ORDER BY time_stamp DESC, note_id")
                .bind("m", member.value())
                .map(NoteSql::map)
                .list();
    }

    /** A user's live notes, newest first; the position is exclusive. No index on user_id: a scan. */
    static List<Note> byAuthor(Handle h, String userId, Optional<NotePosition> after, int limit) {
        String page = after.isEmpty() ? "" : " AND (time_stamp < :ts OR (time_stamp = :ts AND note_id > :id))";
        var q = h.createQuery("SELECT " + COLUMNS + " FROM notes WHERE user_id = :u AND deleted = FALSE" + page
                        + " ORDER BY time_stamp DESC, note_id LIMIT :limit")
                .bind("u", userId)
                .bind("limit", limit);
        after.ifPresent(p -> q.bind("ts", p.timeStamp().toEpochMilli()).bind("id", p.noteId()));
        return q.map(NoteSql::map).list();
    }

    static List<Note> changedSince(Handle h, MemberId member, Instant since) {
        return h.createQuery("SELECT " + COLUMNS + " FROM notes WHERE client_id2 = :m AND changed_at > :since"
                        + " ORDER BY time_stamp DESC, note_id")
                .bind("m", member.value())
                .bind("since", since.toEpochMilli())
                .map(NoteSql::map)
                .list();
    }

    /**
     * @param newIds live notes first stored here after the previous answer (all of them when there was none)
     * @param updatedIds live notes stored before the previous answer and changed since
     */
    record Novelty(Set<String> newIds, Set<String> updatedIds) {}

    /** What changed among the member's live notes since the answer given at {@code after} (null: none yet). */
    static Novelty novelty(Handle h, MemberId member, Instant after) {
        Set<String> fresh = new HashSet<>();
        Set<String> updated = new HashSet<>();
        h.createQuery("SELECT note_id, first_seen_at > :after AS fresh FROM notes WHERE client_id2 = :m"
                        + " AND deleted = FALSE AND (first_seen_at > :after OR changed_at > :after)")
                .bind("m", member.value())
                .bind("after", after == null ? Long.MIN_VALUE : after.toEpochMilli())
                .map((rs, ctx) -> (rs.getBoolean("fresh") ? fresh : updated).add(rs.getString("note_id")))
                .list();
        return new Novelty(fresh, updated);
    }

    /**
     * Live notes with a Caspio row above {@code afterPk} and at most {@code upToPk}, of these members (null:
     * of every member), as stored.
     */
    static List<Merge.Stored> storedWithCaspioRow(Handle h, Collection<MemberId> members, long afterPk, long upToPk) {
        if (members != null && members.isEmpty()) {
            return List.of();
        }
        List<Object> values = new ArrayList<>(List.of(afterPk, upToPk));
        String sql = "SELECT " + COLUMNS + ", came_by, came_at FROM notes WHERE deleted = FALSE AND pk_id IS NOT NULL"
                + " AND pk_id > ? AND pk_id <= ?";
        if (members != null) {
            List<String> ids = members.stream().map(MemberId::value).distinct().toList();
            sql += " AND client_id2 IN (" + Sql.inList(ids.size()) + ")";
            values.addAll(ids);
        }
        return Sql.query(h, sql, values, NoteSql::readStored);
    }

    /**
     * For each member synced here (initial sync complete) with notes that have a Caspio row at or below
     * {@code pkAtMost}: how many of those rows Caspio should hold (live notes, and notes whose delete is
     * still queued: their row is still there), and the highest key.
     */
    static Map<MemberId, StoredKeys> storedKeysByMember(Handle h, long pkAtMost) {
        Map<MemberId, StoredKeys> keys = new LinkedHashMap<>();
        h.createQuery("SELECT n.client_id2, COUNT(*) AS n, MAX(n.pk_id) AS max_pk FROM notes n"
                        + " JOIN member_sync_status s ON s.client_id2 = n.client_id2 AND s.initial_sync_completed = :done"
                        + " WHERE n.pk_id IS NOT NULL AND n.pk_id <= :most"
                        + " AND (n.deleted = FALSE OR n.note_id IN (SELECT o.note_id FROM outbox o))"
                        + " GROUP BY n.client_id2 ORDER BY n.client_id2")
                .bind("done", true)
                .bind("most", pkAtMost)
                .map((rs, ctx) -> Map.entry(
                        new MemberId(rs.getString("client_id2")),
                        new StoredKeys(rs.getLong("n"), rs.getLong("max_pk"))))
                .forEach(e -> keys.put(e.getKey(), e.getValue()));
        return keys;
    }

    /** The highest Caspio key of any stored note, live or not (the unique index answers it), 0 when none. */
    static long highestKey(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(pk_id), 0) FROM notes")
                .mapTo(Long.class)
                .one();
    }

    /** The members with live notes that have a Caspio row, in id order. */
    static List<MemberId> membersWithCaspioRows(Handle h) {
        return h.createQuery("SELECT DISTINCT client_id2 FROM notes WHERE deleted = FALSE AND pk_id IS NOT NULL"
                        + " ORDER BY client_id2")
                .mapTo(String.class)
                .map(MemberId::new)
                .list();
    }

    /** The stored notes with one of these ids or one of these Caspio rows, in one query. */
    static List<Merge.Stored> storedWithIdsOrRows(Handle h, Collection<String> noteIds, Collection<Long> pks) {
        if (noteIds.isEmpty() && pks.isEmpty()) {
            return List.of();
        }
        List<Object> values = new ArrayList<>(noteIds);
        values.addAll(pks);
        return Sql.query(
                h,
                "SELECT " + COLUMNS + ", came_by, came_at FROM notes WHERE note_id IN (" + Sql.inList(noteIds.size())
                        + ") OR pk_id IN (" + Sql.inList(pks.size()) + ")",
                values,
                NoteSql::readStored);
    }

    private static Note map(ResultSet rs, StatementContext ctx) throws SQLException {
        return read(rs);
    }

    /** A note with when it was stored and how this version came to be. */
    private static Merge.Stored readStored(ResultSet rs) throws SQLException {
        String cameBy = rs.getString("came_by");
        Merge.Provenance from =
                cameBy == null ? null : new Merge.Provenance(Merge.Origin.valueOf(cameBy), Sql.instant(rs, "came_at"));
        return new Merge.Stored(read(rs), Sql.instant(rs, "changed_at"), from);
    }

    static Note read(ResultSet rs) throws SQLException {
        NoteContent content = new NoteContent(
                rs.getString("comments"),
                Sql.localDateTime(rs, "follow_up_date"),
                rs.getString("follow_up_status"),
                rs.getString("follow_up_assignment"),
                rs.getString("assigned_first"),
                rs.getString("senior_full_name"));
        CaspioRow caspio = new CaspioRow(
                Sql.nullableLong(rs, "pk_id"), Sql.instant(rs, "last_modified"), rs.getString("caspio_stamp"));
        return new Note(
                rs.getString("note_id"),
                new MemberId(rs.getString("client_id2")),
                content,
                rs.getString("user_id"),
                rs.getString("user_full_name"),
                Sql.instant(rs, "time_stamp"),
                caspio,
                SyncState.valueOf(rs.getString("sync_state")),
                rs.getBoolean("deleted"));
    }
}
