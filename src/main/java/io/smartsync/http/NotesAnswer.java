package io.smartsync.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.smartsync.note.Note;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The app's answer to {@code GET /api/client-notes}: {@code notes}, {@code notesByClient},
 * {@code notesByUser}, {@code users}, {@code clients}, {@code assignedUsers}, {@code totalNotes},
 * {@code newNotes}, {@code sourceTable}. Each note is written to JSON once (per version of the note, see
 * {@link WrittenNotes}); where the shape repeats a note (by member, by user) those bytes are repeated, not
 * the note serialized again: a note's JSON is kept as {@link SerializedString}s, which encode it to UTF-8
 * once however often it is written (write the answer with a UTF-8 generator, to a stream or to bytes, to get that).
 */
final class NotesAnswer {
    /** The app names a user without a role "Staff" in {@code users}; the notes table holds no role. */
    static final String DEFAULT_ROLE = "Staff";

    /** What follows the sync part of an answer begun by {@link #unflaggedHead}. */
    static final byte[] UNFLAGGED_END = "}}".getBytes(StandardCharsets.UTF_8);

    private static final byte[] SYNC = ",\"sync\":".getBytes(StandardCharsets.UTF_8);

    private NotesAnswer() {}

    /**
     * @param newIds notes first stored here since the previous answer ({@code isNew})
     * @param updatedIds notes the previous answer showed that changed since ({@code isUpdated})
     */
    static Map<String, Object> of(
            Function<Note, WrittenNotes.Parts> written,
            List<Note> notes,
            Set<String> newIds,
            Set<String> updatedIds,
            String sourceTable) {
        List<Written> all = new ArrayList<>(notes.size());
        int newCount = 0;
        Map<String, Group> byClient = new LinkedHashMap<>();
        Map<String, Group> byUser = new LinkedHashMap<>();
        Map<String, Map<String, Object>> users = new LinkedHashMap<>();
        for (Note n : notes) {
            boolean isNew = newIds.contains(n.noteId());
            Written json = new Written(written.apply(n), isNew, updatedIds.contains(n.noteId()));
            all.add(json);
            newCount += isNew ? 1 : 0;
            byClient.computeIfAbsent(n.member().value(), k -> new Group(n.seniorFullName()))
                    .add(json, isNew);
            if (n.userId() != null && !n.userId().isEmpty()) {
                byUser.computeIfAbsent(n.userId(), k -> new Group(n.userFullName()))
                        .add(json, isNew);
                if (n.userFullName() != null && !n.userFullName().isEmpty()) {
                    Map<String, Object> user = new LinkedHashMap<>();
                    user.put("userId", n.userId());
                    user.put("userFullName", n.userFullName());
                    user.put("role", DEFAULT_ROLE);
                    users.put(n.userId(), user);
                }
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notes", new JsonArray(all));
        data.put("notesByClient", groups(byClient, "clientId2", "seniorFullName", false));
        data.put("notesByUser", groups(byUser, "userId", "userFullName", true));
        data.put("totalNotes", notes.size());
        data.put("newNotes", newCount);
        data.put("clients", byClient.size());
        data.put("assignedUsers", byUser.size());
        data.put("users", List.copyOf(users.values()));
        data.put("sourceTable", sourceTable);
        return data;
    }

    /**
     * The answer with no note new or updated, as {@code {"success":true,"data":{…}}} writes it, up to the
     * data's {@code "sync":}: the sync part, which differs from answer to answer, goes after it, then
     * {@link #UNFLAGGED_END}.
     */
    static byte[] unflaggedHead(
            ObjectMapper json, Function<Note, WrittenNotes.Parts> written, List<Note> notes, String sourceTable) {
        byte[] whole;
        try {
            whole = json.writeValueAsBytes(Envelope.ok(of(written, notes, Set.of(), Set.of(), sourceTable)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
        int end = whole.length - UNFLAGGED_END.length;
        if (end < 0 || !Arrays.equals(whole, end, whole.length, UNFLAGGED_END, 0, UNFLAGGED_END.length)) {
            throw new IllegalStateException("an answer's JSON does not end with its data's closing brace");
        }
        byte[] head = Arrays.copyOf(whole, end + SYNC.length);
        System.arraycopy(SYNC, 0, head, end, SYNC.length);
        return head;
    }

    private static Map<String, Object> groups(Map<String, Group> groups, String key, String name, boolean role) {
        Map<String, Object> out = new LinkedHashMap<>();
        groups.forEach((id, g) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(key, id);
            m.put(name, g.name);
            if (role) {
                m.put("userRole", "");
            }
            m.put("notes", new JsonArray(g.notes));
            m.put("totalNotes", g.notes.size());
            m.put("newNotes", g.newNotes);
            out.put(id, m);
        });
        return out;
    }

    /** A note already written as JSON, with the flags this answer gives it. */
    private record Written(WrittenNotes.Parts parts, boolean isNew, boolean isUpdated) {}

    /** Notes already written as JSON, as one array. */
    private record JsonArray(List<Written> notes) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartArray();
            for (Written note : notes) {
                note.parts().write(g, note.isNew(), note.isUpdated());
            }
            g.writeEndArray();
        }

        @Override
        public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer type)
                throws IOException {
            serialize(g, provider);
        }
    }

    private static final class Group {
        final String name;
        final List<Written> notes = new ArrayList<>();
        int newNotes;

        Group(String name) {
            this.name = name;
        }

        void add(Written json, boolean isNew) {
            notes.add(json);
            newNotes += isNew ? 1 : 0;
        }
    }
}
