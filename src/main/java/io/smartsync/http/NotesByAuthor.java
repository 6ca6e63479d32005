package io.smartsync.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.smartsync.access.Principal;
import io.smartsync.note.Note;
import io.smartsync.note.NotePosition;
import io.smartsync.sync.SyncService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/client-notes?userId=…} without {@code clientId2}: the notes written by that user among
 * the members stored here, newest first, in the app's shape, {@value #DEFAULT_LIMIT} a page by default
 * (at most {@value #MAX_LIMIT}); {@code after=<page.next>} reads on. No Caspio call: a member not synced
 * here yet has none of its notes in the answer. One audit line per member whose notes are answered.
 */
final class NotesByAuthor {
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    private final SyncService sync;
    private final Audit audit;
    private final ObjectMapper json;

    NotesByAuthor(SyncService sync, Audit audit, ObjectMapper json) {
        this.sync = sync;
        this.audit = audit;
        this.json = json;
    }

    Map<String, Object> page(Context ctx, Principal who, String userId) {
        int limit = (int) Params.number(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        Optional<NotePosition> after = Params.single(ctx, "after")
                .map(raw -> NotePosition.parse(raw)
                        .orElseThrow(
                                () -> ApiException.badRequest("after must be the page.next of an earlier answer")));
        List<Note> found = sync.notesByAuthor(userId, after, limit + 1);
        List<Note> notes = found.size() > limit ? found.subList(0, limit) : found;
        Set<String> members = new LinkedHashSet<>();
        notes.forEach(n -> members.add(n.member().value()));
        for (String member : members) {
            audit.ok(who, "notes.read", member, null);
        }
        Map<String, Object> data = NotesAnswer.of(
                n -> WrittenNotes.write(json.getFactory(), n), notes, Set.of(), Set.of(), sync.sourceTable());
        Map<String, Object> page = new java.util.LinkedHashMap<>();
        page.put("limit", limit);
        page.put(
                "next",
                found.size() > limit && notes.getLast().timeStamp() != null
                        ? new NotePosition(
                                        notes.getLast().timeStamp(),
                                        notes.getLast().noteId())
                                .text()
                        : null);
        data.put("page", page);
        return data;
    }
}
