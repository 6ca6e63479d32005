package io.smartsync.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartsync.note.CaspioRow;
import io.smartsync.note.Conflict;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.SyncState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The statements on {@code conflicts}; the two versions of the note are kept as JSON. */
final class ConflictSql {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConflictSql() {}

    static long insert(Handle h, Conflict c) {
        return h.createUpdate("INSERT INTO conflicts (note_id, client_id2, detected_at, policy, outcome, base_stamp,"
                        + " local_json, server_json, resolved_at, resolved_by) VALUES (:noteId, :m, :at, :policy,"
                        + " :outcome, :base, :local, :server, :resolvedAt, :resolvedBy)")
                .bind("noteId", c.noteId())
                .bind("m", c.member().value())
                .bind("at", Sql.millis(c.detectedAt()))
                .bind("policy", c.policy())
                .bind("outcome", c.outcome())
                .bind("base", c.baseStamp())
                .bind("local", toJson(c.local()))
                .bind("server", toJson(c.server()))
                .bind("resolvedAt", Sql.millis(c.resolvedAt()))
                .bind("resolvedBy", c.resolvedBy())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    static void resolve(Handle h, long id, String outcome, String by, Instant at) {
        h.createUpdate("UPDATE conflicts SET outcome = :outcome, resolved_by = :by, resolved_at = :at WHERE id = :id")
                .bind("outcome", outcome)
                .bind("by", by)
                .bind("at", at.toEpochMilli())
                .bind("id", id)
                .execute();
    }

    static Optional<Conflict> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM conflicts WHERE id = :id")
                .bind("id", id)
                .map(ConflictSql::map)
                .findOne();
    }

    static List<Conflict> list(Handle h, int limit) {
        return h.createQuery("SELECT * FROM conflicts ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(ConflictSql::map)
                .list();
    }

    private static Conflict map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Conflict(
                rs.getLong("id"),
                rs.getString("note_id"),
                new MemberId(rs.getString("client_id2")),
                Sql.instant(rs, "detected_at"),
                rs.getString("policy"),
                rs.getString("outcome"),
                rs.getString("base_stamp"),
                fromJson(rs.getString("local_json")),
                fromJson(rs.getString("server_json")),
                Sql.instant(rs, "resolved_at"),
                rs.getString("resolved_by"));
    }

    static String toJson(Note n) {
        if (n == null) {
            return null;
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("noteId", n.noteId());
        o.put("clientId2", n.member().value());
        o.put("pkId", n.pkId());
        o.put("comments", n.comments());
        o.put("userId", n.userId());
        o.put("userFullName", n.userFullName());
        o.put("timeStamp", n.timeStamp() == null ? null : n.timeStamp().toString());
        o.put("followUpDate", n.followUpDate() == null ? null : n.followUpDate().toString());
        o.put("followUpStatus", n.followUpStatus());
        o.put("followUpAssignment", n.followUpAssignment());
        o.put("assignedFirst", n.assignedFirst());
        o.put("seniorFullName", n.seniorFullName());
        o.put("lastModified", n.lastModified() == null ? null : n.lastModified().toString());
        o.put("caspioStamp", n.caspioStamp());
        o.put("syncState", n.syncState().name());
        o.put("deleted", n.deleted());
        return o.toString();
    }

    static Note fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode o = JSON.readTree(json);
            NoteContent content = new NoteContent(
                    text(o, "comments"),
                    text(o, "followUpDate") == null ? null : LocalDateTime.parse(text(o, "followUpDate")),
                    text(o, "followUpStatus"),
                    text(o, "followUpAssignment"),
                    text(o, "assignedFirst"),
                    text(o, "seniorFullName"));
            CaspioRow caspio = new CaspioRow(
                    o.path("pkId").isNumber() ? o.path("pkId").asLong() : null,
                    instant(o, "lastModified"),
                    text(o, "caspioStamp"));
            return new Note(
                    o.path("noteId").asText(),
                    new MemberId(o.path("clientId2").asText()),
                    content,
                    text(o, "userId"),
                    text(o, "userFullName"),
                    instant(o, "timeStamp"),
                    caspio,
                    SyncState.valueOf(o.path("syncState").asText("SYNCED")),
                    o.path("deleted").asBoolean());
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored conflict version is not readable JSON", e);
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }

    private static Instant instant(JsonNode o, String field) {
        String v = text(o, field);
        return v == null ? null : Instant.parse(v);
    }
}
