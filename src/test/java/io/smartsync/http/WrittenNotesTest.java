package io.smartsync.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.smartsync.note.Author;
import io.smartsync.note.CaspioRow;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.SyncState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** An answer of {@code GET /api/client-notes} is the same bytes whether its notes' JSON was kept or written now. */
class WrittenNotesTest {
    private static final ObjectMapper JSON = Bodies.mapper();
    private static final JsonFactory FACTORY = JSON.getFactory();
    private static final MemberId MEMBER = MemberId.of("CL000001");
    private static final Instant AT = Instant.parse("2026-11-25T09:00:00Z");

    /** Notes whose text could confuse a split of the JSON around the flags, and notes with empty fields. */
    private static final List<Note> NOTES = List.of(
            note("n1", "plain text", "Carla Johnson", 1L, AT.plusSeconds(60)),
            note("n2", "\"isNew\":false,\"syncState\":\"synced\",\"isUpdated\":false}", "José Núñez", 2L, AT),
            note("n3", "quotes \" back\\slash \n newline, tab \t, emoji 🟢 and <script>", "", null, null),
            new Note("n4", MEMBER, NoteContent.of(""), null, null, null, CaspioRow.NONE, SyncState.FAILED, false),
            note("n5", "x".repeat(5000), "  Ann   Lee ", 5L, AT.minusSeconds(5)));

    @Test
    void a_kept_answer_is_the_same_bytes_as_one_written_now_and_as_before_notes_were_kept() throws IOException {
        // Given a member's notes with every mix of flags, and notes kept from an earlier answer
        WrittenNotes written = new WrittenNotes(FACTORY);
        Set<String> newIds = Set.of("n1", "n3");
        Set<String> updatedIds = Set.of("n2", "n3");
        byte[] first = answer(written.of(NOTES), newIds, updatedIds);

        // When the next answer gets the same list
        Function<Note, WrittenNotes.Parts> kept = written.of(NOTES);
        byte[] again = answer(kept, newIds, updatedIds);

        // Then its notes' JSON was kept, not written again
        assertThat(kept.apply(NOTES.get(1))).isSameAs(written.of(NOTES).apply(NOTES.get(1)));
        // And its bytes are those of an answer written now, and of the answer as written before notes were kept
        byte[] now = answer(n -> WrittenNotes.write(FACTORY, n), newIds, updatedIds);
        byte[] before = JSON.writeValueAsBytes(Envelope.ok(answerBeforeKeeping(NOTES, newIds, updatedIds)));
        assertThat(new String(again, UTF_8)).isEqualTo(new String(before, UTF_8));
        assertThat(again).isEqualTo(first).isEqualTo(now).isEqualTo(before);
    }

    @Test
    void a_kept_answer_with_nothing_new_is_the_same_bytes_as_the_answer_written_whole() throws IOException {
        // Given a return visit's answer: no note new or updated, and its sync part
        WrittenNotes written = new WrittenNotes(FACTORY);
        Map<String, Object> sync = new LinkedHashMap<>();
        sync.put("type", "cached");
        sync.put("newNotes", 0);
        sync.put("message", "Notes are up to date \"now\"");
        int[] writes = {0};
        Function<Function<Note, WrittenNotes.Parts>, byte[]> head = parts -> {
            writes[0]++;
            return NotesAnswer.unflaggedHead(JSON, parts, NOTES, "connect_tbl_clientnotes");
        };

        // When it is written from the kept head, twice
        byte[] first = written.whole(NOTES, head);
        byte[] again = written.whole(NOTES, head);

        // Then the head was made once, and the answer is the bytes of the answer written whole
        assertThat(again).isSameAs(first);
        assertThat(writes[0]).isEqualTo(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(again);
        out.write(JSON.writeValueAsBytes(sync));
        out.write(NotesAnswer.UNFLAGGED_END);
        Map<String, Object> data = NotesAnswer.of(
                n -> WrittenNotes.write(FACTORY, n), NOTES, Set.of(), Set.of(), "connect_tbl_clientnotes");
        data.put("sync", sync);
        assertThat(out.toString(UTF_8)).isEqualTo(new String(JSON.writeValueAsBytes(Envelope.ok(data)), UTF_8));
    }

    @Test
    void a_kept_answer_is_not_given_for_another_list_of_the_member() {
        // Given a return visit's answer kept
        WrittenNotes written = new WrittenNotes(FACTORY);
        byte[] kept = written.whole(NOTES, parts -> NotesAnswer.unflaggedHead(JSON, parts, NOTES, "t"));

        // When the member's notes change (another list, its second note edited)
        List<Note> changed = new ArrayList<>(NOTES);
        changed.set(1, note("n2", "edited", "José Núñez", 2L, AT.plusSeconds(90)));
        List<Note> now = List.copyOf(changed);
        byte[] next = written.whole(now, parts -> NotesAnswer.unflaggedHead(JSON, parts, now, "t"));

        // Then the answer is written from the new list
        assertThat(new String(kept, UTF_8)).doesNotContain("\"comments\":\"edited\"");
        assertThat(new String(next, UTF_8)).contains("\"comments\":\"edited\"");
    }

    @Test
    void a_note_is_written_as_before_with_each_pair_of_flags() throws IOException {
        for (Note n : NOTES) {
            for (boolean isNew : new boolean[] {false, true}) {
                for (boolean isUpdated : new boolean[] {false, true}) {
                    Map<String, Object> fields = NoteJson.note(n, isNew);
                    fields.put("isUpdated", isUpdated);
                    String before = NoteJson.write(FACTORY, fields);

                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try (JsonGenerator g = FACTORY.createGenerator(out)) {
                        WrittenNotes.write(FACTORY, n).write(g, isNew, isUpdated);
                    }

                    assertThat(out.toString(UTF_8))
                            .as("note %s, isNew %s, isUpdated %s", n.noteId(), isNew, isUpdated)
                            .isEqualTo(before);
                }
            }
        }
    }

    @Test
    void another_list_of_the_member_is_written_again() {
        // Given an answer's notes kept
        WrittenNotes written = new WrittenNotes(FACTORY);
        WrittenNotes.Parts kept = written.of(NOTES).apply(NOTES.get(1));

        // When a later answer holds another list (the member's version changed): the first note as it was,
        // the second one edited
        List<Note> changed = new ArrayList<>(NOTES);
        changed.set(0, NOTES.getFirst().withNoteId("n1"));
        changed.set(1, note("n2", "edited", "José Núñez", 2L, AT.plusSeconds(90)));
        WrittenNotes.Parts now = written.of(List.copyOf(changed)).apply(changed.get(1));

        // Then the notes are written from the list they come in
        assertThat(now).isNotSameAs(kept);
        assertThat(now.head().getValue()).contains("\"comments\":\"edited\"");
    }

    private static byte[] answer(Function<Note, WrittenNotes.Parts> parts, Set<String> newIds, Set<String> updatedIds)
            throws IOException {
        return JSON.writeValueAsBytes(
                Envelope.ok(NotesAnswer.of(parts, NOTES, newIds, updatedIds, "connect_tbl_clientnotes")));
    }

    private static Note note(String id, String text, String author, Long pk, Instant lastModified) {
        NoteContent content = new NoteContent(
                text, LocalDateTime.parse("2026-12-10T00:00:00"), "🟢Open", "cjohnson", "Carla", "Harold Whitfield");
        Note n = Note.written(id, MEMBER, content, new Author("u-" + id, author), AT);
        return n.withCaspio(new CaspioRow(pk, lastModified, lastModified == null ? null : "2026-11-25T09:00:00"))
                .withSyncState(SyncState.SYNCED);
    }

    /**
     * The answer as {@code NotesAnswer.of} wrote it before notes' JSON was kept (commit 7653dfc): each note
     * written whole with its flags, once per answer.
     */
    private static Map<String, Object> answerBeforeKeeping(
            List<Note> notes, Set<String> newIds, Set<String> updatedIds) {
        List<SerializableString> written = new ArrayList<>();
        int newCount = 0;
        Map<String, List<SerializableString>> byClient = new LinkedHashMap<>();
        Map<String, int[]> newByClient = new LinkedHashMap<>();
        Map<String, String> clientNames = new LinkedHashMap<>();
        Map<String, List<SerializableString>> byUser = new LinkedHashMap<>();
        Map<String, int[]> newByUser = new LinkedHashMap<>();
        Map<String, String> userNames = new LinkedHashMap<>();
        Map<String, Map<String, Object>> users = new LinkedHashMap<>();
        for (Note n : notes) {
            boolean isNew = newIds.contains(n.noteId());
            Map<String, Object> note = NoteJson.note(n, isNew);
            note.put("isUpdated", updatedIds.contains(n.noteId()));
            SerializableString json = new SerializedString(NoteJson.write(FACTORY, note));
            written.add(json);
            newCount += isNew ? 1 : 0;
            String m = n.member().value();
            clientNames.putIfAbsent(m, n.seniorFullName());
            byClient.computeIfAbsent(m, k -> new ArrayList<>()).add(json);
            newByClient.computeIfAbsent(m, k -> new int[1])[0] += isNew ? 1 : 0;
            if (n.userId() != null && !n.userId().isEmpty()) {
                userNames.putIfAbsent(n.userId(), n.userFullName());
                byUser.computeIfAbsent(n.userId(), k -> new ArrayList<>()).add(json);
                newByUser.computeIfAbsent(n.userId(), k -> new int[1])[0] += isNew ? 1 : 0;
                if (n.userFullName() != null && !n.userFullName().isEmpty()) {
                    Map<String, Object> user = new LinkedHashMap<>();
                    user.put("userId", n.userId());
                    user.put("userFullName", n.userFullName());
                    user.put("role", NotesAnswer.DEFAULT_ROLE);
                    users.put(n.userId(), user);
                }
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notes", new RawArray(written));
        data.put("notesByClient", groups(byClient, newByClient, clientNames, "clientId2", "seniorFullName", false));
        data.put("notesByUser", groups(byUser, newByUser, userNames, "userId", "userFullName", true));
        data.put("totalNotes", notes.size());
        data.put("newNotes", newCount);
        data.put("clients", byClient.size());
        data.put("assignedUsers", byUser.size());
        data.put("users", List.copyOf(users.values()));
        data.put("sourceTable", "connect_tbl_clientnotes");
        return data;
    }

    private static Map<String, Object> groups(
            Map<String, List<SerializableString>> groups,
            Map<String, int[]> newCounts,
            Map<String, String> names,
            String key,
            String name,
            boolean role) {
        Map<String, Object> out = new LinkedHashMap<>();
        groups.forEach((id, notes) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(key, id);
            m.put(name, names.get(id));
            if (role) {
                m.put("userRole", "");
            }
            m.put("notes", new RawArray(notes));
            m.put("totalNotes", notes.size());
            m.put("newNotes", newCounts.get(id)[0]);
            out.put(id, m);
        });
        return out;
    }

    private record RawArray(List<SerializableString> notes) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartArray();
            for (SerializableString note : notes) {
                g.writeRawValue(note);
            }
            g.writeEndArray();
        }

        @Override
        public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer type)
                throws IOException {
            serialize(g, provider);
        }
    }
}
