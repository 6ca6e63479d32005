package io.smartsync.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.smartsync.note.Conflict;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.note.OutboxEntry;
import io.smartsync.sync.SyncOutcome;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The original app's JSON shapes (shared/CASPIO.md), so its pages can point at this service unchanged. */
final class NoteJson {
    private NoteJson() {}

    /**
     * A note as the app's route answers it, plus {@code assignedFirst} and {@code syncState}. The app's
     * {@code userFirst}, {@code seniorFirst}, {@code seniorLast} and {@code userRole} come from its user and
     * client tables, which this service does not download: {@code userFirst} is the first word of the
     * note's own {@code User_Full_Name} (the app's own fallback), the others are empty. {@code lastModified}
     * is sent only for a note edited after it was created.
     */
    static Map<String, Object> note(Note n, boolean isNew) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.pkId() == null ? n.noteId() : n.pkId().toString());
        m.put("noteId", n.noteId());
        m.put("clientId2", n.member().value());
        m.put("userId", n.userId());
        m.put("userFirst", firstWord(n.userFullName()));
        m.put("comments", n.comments());
        m.put("timeStamp", text(n.timeStamp()));
        if (editedAfterCreation(n)) {
            m.put("lastModified", text(n.lastModified()));
        }
        m.put(
                "followUpDate",
                n.followUpDate() == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(n.followUpDate()));
        m.put("followUpAssignment", n.followUpAssignment());
        m.put("followUpStatus", n.followUpStatus());
        m.put("assignedFirst", n.assignedFirst());
        m.put("seniorFirst", "");
        m.put("seniorLast", "");
        m.put("seniorFullName", n.seniorFullName());
        m.put("userFullName", n.userFullName());
        m.put("userRole", "");
        m.put("isNew", isNew);
        m.put("syncState", n.syncState().wireName());
        m.put("version", n.version());
        return m;
    }

    /** Caspio stamps both fields on insert alike; a later update stamp means an edit. */
    static boolean editedAfterCreation(Note n) {
        return n.lastModified() != null
                && n.timeStamp() != null
                && n.lastModified().isAfter(n.timeStamp());
    }

    private static String firstWord(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "";
        }
        return fullName.strip().split("\\s+", 2)[0];
    }

    /** One note in {@link #note}'s shape as JSON text, written field by field. */
    static String write(JsonFactory factory, Map<String, Object> note) {
        StringWriter out = new StringWriter(768);
        try (JsonGenerator g = factory.createGenerator(out)) {
            writeNote(g, note);
        } catch (IOException e) {
            throw new UncheckedIOException("a note could not be written as JSON", e);
        }
        return out.toString();
    }

    /**
     * Notes in {@link #note}'s shape as one JSON array, written field by field: a member's answer holds
     * dozens, and a general map serializer looks up a serializer for every value of every note.
     */
    static String array(JsonFactory factory, List<Map<String, Object>> notes) {
        StringWriter out = new StringWriter(notes.size() * 768);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartArray();
            for (Map<String, Object> note : notes) {
                writeNote(g, note);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("notes could not be written as JSON", e);
        }
        return out.toString();
    }

    private static void writeNote(JsonGenerator g, Map<String, Object> note) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> field : note.entrySet()) {
            g.writeFieldName(field.getKey());
            switch (field.getValue()) {
                case null -> g.writeNull();
                case String text -> g.writeString(text);
                case Boolean flag -> g.writeBoolean(flag);
                default -> throw new IllegalStateException("a note field is text, a flag or null: " + field.getKey());
            }
        }
        g.writeEndObject();
    }

    static Map<String, Object> sync(SyncOutcome s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", s.type().wireName());
        m.put("newNotes", s.newNotes());
        m.put("updatedNotes", s.updatedNotes());
        m.put("message", s.message());
        m.put("lastSync", text(s.lastSync()));
        return m;
    }

    static Map<String, Object> status(MemberSyncStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clientId2", s.member().value());
        m.put("lastSyncTimestamp", text(s.lastSyncAt()));
        m.put("initialSyncCompleted", s.initialSyncCompleted());
        m.put("totalNotesCount", s.totalNotesCount());
        m.put("lastNoteId", s.lastNoteId());
        Map<String, Object> cursor = new LinkedHashMap<>();
        cursor.put("stamp", s.cursorStamp());
        cursor.put("pkId", s.cursorPk());
        m.put("cursor", cursor);
        return m;
    }

    /** The seed's {@code NoteSync}. */
    static Map<String, Object> outbox(OutboxEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("noteId", e.noteId());
        m.put("clientId2", e.member().value());
        m.put("action", e.action().wireName());
        m.put("timestamp", text(e.queuedAt()));
        m.put("synced", false);
        m.put("syncAttempts", e.attempts());
        m.put("lastError", e.lastError());
        m.put("failed", e.failed());
        return m;
    }

    /** A conflict with both versions: shown to staff and admins, never logged. */
    static Map<String, Object> conflict(Conflict c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("noteId", c.noteId());
        m.put("clientId2", c.member().value());
        m.put("detectedAt", text(c.detectedAt()));
        m.put("policy", c.policy());
        m.put("outcome", c.outcome());
        m.put("baseStamp", c.baseStamp());
        m.put("local", c.local() == null ? null : note(c.local(), false));
        m.put("server", c.server() == null ? null : note(c.server(), false));
        m.put("resolvedAt", text(c.resolvedAt()));
        m.put("resolvedBy", c.resolvedBy());
        return m;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
