package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.note.Position;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The statements on {@code member_sync_status}; each runs inside the caller's transaction. */
final class StatusSql {
    private StatusSql() {}

    /**
     * The member's status with its note count and newest note as the store holds them now, so they
     * never lag a note the poll, a webhook or a local write stored after the last sync.
     */
    static Optional<MemberSyncStatus> find(Handle h, MemberId member) {
        // Positional: every member read runs it.
        return Sql.query(
                        h,
                        "SELECT s.client_id2, s.initial_sync_completed, s.last_sync_at, s.cursor_stamp, s.cursor_pk, "
                                + liveCount("s.client_id2") + " AS total_notes_count, "
                                + newestNote("s.client_id2") + " AS last_note_id"
                                + " FROM member_sync_status s WHERE s.client_id2 = ?",
                        List.of(member.value()),
                        rs -> map(rs, null))
                .stream()
                .findFirst();
    }

    /**
     * The member's status as its last sync left it: the note count and newest note as the sync stored
     * them, not counted again. One row by its key.
     */
    static Optional<MemberSyncStatus> lastSync(Handle h, MemberId member) {
        // Positional: every member read runs it.
        return Sql.query(
                        h,
                        "SELECT client_id2, initial_sync_completed, last_sync_at, cursor_stamp, cursor_pk,"
                                + " total_notes_count, last_note_id FROM member_sync_status WHERE client_id2 = ?",
                        List.of(member.value()),
                        rs -> map(rs, null))
                .stream()
                .findFirst();
    }

    /** Those of {@code members} whose initial sync is complete; asked in slices of a few hundred. */
    static Set<MemberId> completedAmong(Handle h, Collection<MemberId> members) {
        List<String> ids = members.stream().map(MemberId::value).distinct().toList();
        Set<MemberId> done = new HashSet<>();
        for (int from = 0; from < ids.size(); from += SLICE) {
            h.createQuery("SELECT client_id2 FROM member_sync_status WHERE initial_sync_completed = :done"
                            + " AND client_id2 IN (<ids>)")
                    .bind("done", true)
                    .bindList("ids", ids.subList(from, Math.min(ids.size(), from + SLICE)))
                    .mapTo(String.class)
                    .forEach(m -> done.add(new MemberId(m)));
        }
        return done;
    }

    private static final int SLICE = 500;

    /** The member's live notes counted, as SQL on {@code member} (a column or a parameter). */
    private static String liveCount(String member) {
        return "(SELECT COUNT(*) FROM notes n WHERE n.client_id2 = " + member + " AND n.deleted = FALSE)";
    }

    /** The member's first live note in the order of an answer, as SQL on {@code member}. */
    private static String newestNote(String member) {
        return "(SELECT n.note_id FROM notes n WHERE n.client_id2 = " + member + " AND n.deleted = FALSE"
                + " ORDER BY n.time_stamp DESC, n.note_id LIMIT 1)";
    }

    /** Stores the member's status; its note count and newest note are taken from the notes stored now. */
    static void upsert(Handle h, MemberSyncStatus s) {
        h.createUpdate("INSERT INTO member_sync_status (client_id2, initial_sync_completed, last_sync_at,"
                        + " cursor_stamp, cursor_pk, total_notes_count, last_note_id)"
                        + " VALUES (:m, :done, :lastSync, :stamp, :pk, " + liveCount(":m") + ", " + newestNote(":m")
                        + ")"
                        + " ON CONFLICT (client_id2) DO UPDATE SET initial_sync_completed = excluded.initial_sync_completed,"
                        + " last_sync_at = excluded.last_sync_at, cursor_stamp = excluded.cursor_stamp,"
                        + " cursor_pk = excluded.cursor_pk, total_notes_count = excluded.total_notes_count,"
                        + " last_note_id = excluded.last_note_id")
                .bind("m", s.member().value())
                .bind("done", s.initialSyncCompleted())
                .bind("lastSync", Sql.millis(s.lastSyncAt()))
                .bind("stamp", s.cursorStamp())
                .bind("pk", s.cursorPk())
                .execute();
    }

    /** Moves the member's cursor to (stamp, pk) if that is further on in Caspio's order. */
    static void advanceCursor(Handle h, MemberId member, String stamp, Long pk) {
        if (stamp == null || pk == null) {
            return;
        }
        Optional<Position> at = h.createQuery(
                        "SELECT cursor_stamp, cursor_pk FROM member_sync_status WHERE client_id2 = :m")
                .bind("m", member.value())
                .map((rs, ctx) -> position(rs))
                .findOne();
        if (at.isPresent() && Position.of(stamp, pk).isAfter(at.get())) {
            h.createUpdate("UPDATE member_sync_status SET cursor_stamp = :stamp, cursor_pk = :pk WHERE client_id2 = :m")
                    .bind("stamp", stamp)
                    .bind("pk", pk)
                    .bind("m", member.value())
                    .execute();
        }
    }

    private static Position position(ResultSet rs) throws SQLException {
        return Position.of(rs.getString("cursor_stamp"), rs.getLong("cursor_pk"));
    }

    /**
     * For each note, the newest row of its member in a page of a table-wide pass: a member seen for the
     * first time gets a status with its initial sync not complete yet; the cursor of a member already
     * known only moves forward. One query and two batches.
     */
    static void startOrAdvance(Handle h, Collection<Note> newestOfEachMember) {
        if (newestOfEachMember.isEmpty()) {
            return;
        }
        Map<String, Position> known = positionsOf(
                h, newestOfEachMember.stream().map(n -> n.member().value()).toList());
        // Plain JDBC with positional parameters: a page can touch a thousand members.
        try (PreparedStatement insert = h.getConnection()
                        .prepareStatement("INSERT INTO member_sync_status (client_id2, initial_sync_completed,"
                                + " cursor_stamp, cursor_pk, total_notes_count) VALUES (?, ?, ?, ?, 0)");
                PreparedStatement advance = h.getConnection()
                        .prepareStatement(
                                "UPDATE member_sync_status SET cursor_stamp = ?, cursor_pk = ? WHERE client_id2 = ?")) {
            for (Note n : newestOfEachMember) {
                boolean positioned = n.caspioStamp() != null && n.pkId() != null;
                Position at = known.get(n.member().value());
                if (at == null) {
                    insert.setString(1, n.member().value());
                    insert.setBoolean(2, false);
                    insert.setString(3, positioned ? n.caspioStamp() : null);
                    insert.setLong(4, positioned ? n.pkId() : 0L);
                    insert.addBatch();
                } else if (positioned && Position.of(n.caspioStamp(), n.pkId()).isAfter(at)) {
                    advance.setString(1, n.caspioStamp());
                    advance.setLong(2, n.pkId());
                    advance.setString(3, n.member().value());
                    advance.addBatch();
                }
            }
            insert.executeBatch();
            advance.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("moving " + newestOfEachMember.size() + " members' cursors: " + e.getMessage(), e);
        }
    }

    /** The cursors of those of {@code members} that have a status, by member id. */
    private static Map<String, Position> positionsOf(Handle h, List<String> members) {
        List<String> ids = members.stream().distinct().toList();
        Map<String, Position> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += SLICE) {
            h.createQuery("SELECT client_id2, cursor_stamp, cursor_pk FROM member_sync_status"
                            + " WHERE client_id2 IN (<ids>)")
                    .bindList("ids", ids.subList(from, Math.min(ids.size(), from + SLICE)))
                    .map((rs, ctx) -> Map.entry(rs.getString("client_id2"), position(rs)))
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    /**
     * Marks every member whose initial sync is not complete as complete, synced at {@code at}, with its
     * note count: after a pass over the whole table every such member's rows are stored. Answers how many.
     */
    static int completeAll(Handle h, Instant at) {
        // A preload has just read every row of these members: their delete check is not due yet either.
        return h.createUpdate("UPDATE member_sync_status SET initial_sync_completed = :done, last_sync_at = :at,"
                        + " last_reconciled_at = :at,"
                        + " total_notes_count = " + liveCount("member_sync_status.client_id2") + ","
                        + " last_note_id = " + newestNote("member_sync_status.client_id2")
                        + " WHERE initial_sync_completed = :notDone")
                .bind("done", true)
                .bind("notDone", false)
                .bind("at", at.toEpochMilli())
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

    /**
     * Marks the member served at {@code at} and adds what a full reload would have fetched for this visit.
     * A member served for the first time (its first sync failed, say) becomes known here with it.
     */
    static void markServed(Handle h, MemberId member, Instant at, long reloadBytes) {
        // Positional: every member read runs it.
        Sql.update(
                h,
                "INSERT INTO member_sync_status (client_id2, initial_sync_completed, last_served_at, reload_bytes)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (client_id2) DO UPDATE SET"
                        + " last_served_at = excluded.last_served_at,"
                        + " reload_bytes = member_sync_status.reload_bytes + excluded.reload_bytes",
                member.value(),
                false,
                at.toEpochMilli(),
                reloadBytes);
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
