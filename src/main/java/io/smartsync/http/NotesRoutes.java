package io.smartsync.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.smartsync.access.AuditLog;
import io.smartsync.access.Principal;
import io.smartsync.access.Role;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteDraft;
import io.smartsync.sync.MemberNotes;
import io.smartsync.sync.SyncService;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /api/client-notes}: read a member's notes (syncing first) and write new ones. Every call is audited. */
final class NotesRoutes {
    private final SyncService sync;
    private final AuditLog audit;
    private final ObjectMapper json;

    NotesRoutes(SyncService sync, AuditLog audit, ObjectMapper json) {
        this.sync = sync;
        this.audit = audit;
        this.json = json;
    }

    void register(JavalinConfig config) {
        config.routes.get("/api/client-notes", this::list);
        config.routes.post("/api/client-notes", this::create);
        config.routes.put("/api/client-notes/{noteId}", this::update);
        config.routes.delete("/api/client-notes/{noteId}", this::delete);
    }

    private void list(Context ctx) {
        Principal who = Auth.require(ctx, Role.STAFF);
        MemberId member = Params.member(ctx);
        Params.flag(ctx, "includeAll"); // every answer holds all live notes; the flag is the app's and is checked only
        MemberNotes answer = audited(who, "notes.read", member, null, () -> sync.select(member, Params.since(ctx)));
        List<Map<String, Object>> notes = new ArrayList<>();
        for (Note n : answer.notes()) {
            notes.add(NoteJson.note(n, answer.sync().newNoteIds().contains(n.noteId())));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notes", notes);
        data.put("notesByClient", Map.of(member.value(), notes));
        data.put("totalNotes", notes.size());
        data.put("newNotes", answer.sync().newNotes());
        data.put("sourceTable", sync.sourceTable());
        data.put("sync", NoteJson.sync(answer.sync()));
        ctx.json(Envelope.ok(data));
    }

    private void create(Context ctx) {
        Principal who = Auth.require(ctx, Role.STAFF);
        CreateNoteRequest body = Bodies.read(json, ctx, CreateNoteRequest.class);
        MemberId member = bodyMember(body);
        NoteDraft draft = draft(body);
        Note note = audited(who, "notes.create", member, null, () -> sync.create(member, draft, who.asAuthor()));
        ctx.status(201).json(Envelope.ok(NoteJson.note(note, true)));
    }

    private void update(Context ctx) {
        Principal who = Auth.require(ctx, Role.STAFF);
        String noteId = ctx.pathParam("noteId");
        CreateNoteRequest body = Bodies.read(json, ctx, CreateNoteRequest.class);
        MemberId member = bodyMember(body);
        NoteDraft draft = draft(body);
        Note note = audited(who, "notes.update", member, noteId, () -> sync.update(member, noteId, draft));
        ctx.json(Envelope.ok(NoteJson.note(note, false)));
    }

    private void delete(Context ctx) {
        Principal who = Auth.require(ctx, Role.STAFF);
        String noteId = ctx.pathParam("noteId");
        MemberId member = Params.member(ctx);
        audited(who, "notes.delete", member, noteId, () -> {
            sync.delete(member, noteId);
            return null;
        });
        ctx.json(Envelope.ok(Map.of("noteId", noteId, "deleted", true)));
    }

    private static MemberId bodyMember(CreateNoteRequest body) {
        if (body.clientId2() == null || body.clientId2().isBlank()) {
            throw ApiException.badRequest("clientId2 is required");
        }
        return MemberId.of(body.clientId2());
    }

    private static NoteDraft draft(CreateNoteRequest body) {
        return new NoteDraft(
                body.comments(),
                followUpDate(body.followUpDate()),
                body.followUpStatus(),
                body.followUpAssignment(),
                body.assignedFirst(),
                body.seniorFullName());
    }

    private static LocalDateTime followUpDate(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return raw.length() == 10 ? java.time.LocalDate.parse(raw).atStartOfDay() : LocalDateTime.parse(raw);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest(
                    "followUpDate must be a date such as 2026-02-01 (or a local date-time), was " + raw);
        }
    }

    private <T> T audited(Principal who, String action, MemberId member, String noteId, Supplier<T> work) {
        try {
            T result = work.get();
            audit.record(who.userId(), action, member.value(), noteId, "ok");
            return result;
        } catch (RuntimeException e) {
            audit.record(
                    who.userId(),
                    action,
                    member.value(),
                    noteId,
                    "failed: " + e.getClass().getSimpleName());
            throw e;
        }
    }
}
