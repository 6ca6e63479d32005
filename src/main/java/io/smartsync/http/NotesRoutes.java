package io.smartsync.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.javalin.http.Context;
import io.smartsync.access.Principal;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.sync.MemberNotes;
import io.smartsync.sync.SyncService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/client-notes}: read a member's notes (syncing first), write, edit and delete them. Every
 * call is audited; the author of a note is the caller, never a field of the body.
 */
final class NotesRoutes {
    private final SyncService sync;
    private final Audit audit;
    private final ObjectMapper json;
    private final Params params;
    private final NoteInput input;
    private final IdempotentCreates idempotent;

    NotesRoutes(
            SyncService sync,
            Audit audit,
            ObjectMapper json,
            Params params,
            NoteInput input,
            IdempotentCreates idempotent) {
        this.sync = sync;
        this.audit = audit;
        this.json = json;
        this.params = params;
        this.input = input;
        this.idempotent = idempotent;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/client-notes", Access.STAFF, this::list),
                Route.post("/api/client-notes", Access.STAFF, this::create),
                Route.put("/api/client-notes/{noteId}", Access.STAFF, this::update),
                Route.delete("/api/client-notes/{noteId}", Access.STAFF, this::delete));
    }

    /**
     * {@code includeAll=true} is the app's initial fetch: every live note, whatever {@code since} says.
     * It is not a resync; {@code POST /api/sync/force} is.
     */
    private void list(Context ctx) {
        Principal who = Auth.principal(ctx);
        MemberId member = params.member(ctx);
        boolean includeAll = Params.flag(ctx, "includeAll");
        Optional<Instant> since = Params.instant(ctx, "since");
        MemberNotes answer = audit.around(
                who, "notes.read", member, null, () -> sync.select(member, includeAll ? Optional.empty() : since));
        List<Map<String, Object>> notes = new ArrayList<>();
        for (Note n : answer.notes()) {
            Map<String, Object> note =
                    NoteJson.note(n, answer.sync().newNoteIds().contains(n.noteId()));
            note.put("isUpdated", answer.sync().updatedNoteIds().contains(n.noteId()));
            notes.add(note);
        }
        // The app's contract lists the notes twice (notes, notesByClient): they are written out once.
        RawValue written = new RawValue(NoteJson.array(json.getFactory(), notes));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notes", written);
        data.put("notesByClient", Map.of(member.value(), written));
        data.put("totalNotes", notes.size());
        data.put("newNotes", answer.sync().newNotes());
        data.put("sourceTable", sync.sourceTable());
        data.put("sync", NoteJson.sync(answer.sync()));
        ctx.json(Envelope.ok(data));
    }

    /** Safe to send again: with an {@code Idempotency-Key} header, or a {@code noteId} the client made. */
    private void create(Context ctx) {
        Principal who = Auth.principal(ctx);
        CreateNoteRequest body = Bodies.read(json, ctx, CreateNoteRequest.class);
        NoteInput.Checked in = input.check(body);
        IdempotentCreates.Answer answer = idempotent.handle(ctx, who, body.noteId(), noteId -> {
            Note note = audit.around(
                    who,
                    "notes.create",
                    in.member(),
                    noteId,
                    () -> sync.create(in.member(), noteId, in.draft(), who.asAuthor()));
            try {
                return new IdempotentCreates.Answer(
                        201, json.writeValueAsString(Envelope.ok(NoteJson.note(note, true))));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("a note could not be written as JSON", e);
            }
        });
        ctx.status(answer.status()).contentType("application/json").result(answer.json());
    }

    private void update(Context ctx) {
        Principal who = Auth.principal(ctx);
        String noteId = Params.noteId(ctx);
        NoteInput.Checked in = input.check(Bodies.read(json, ctx, CreateNoteRequest.class));
        Note note = audit.around(
                who, "notes.update", in.member(), noteId, () -> sync.update(in.member(), noteId, in.draft()));
        ctx.json(Envelope.ok(NoteJson.note(note, false)));
    }

    private void delete(Context ctx) {
        Principal who = Auth.principal(ctx);
        String noteId = Params.noteId(ctx);
        MemberId member = params.member(ctx);
        audit.around(who, "notes.delete", member, noteId, () -> {
            sync.delete(member, noteId);
            return null;
        });
        ctx.json(Envelope.ok(Map.of("noteId", noteId, "clientId2", member.value(), "deleted", true)));
    }
}
