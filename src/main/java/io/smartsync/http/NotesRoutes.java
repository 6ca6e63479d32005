package io.smartsync.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.smartsync.access.Principal;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteEdit;
import io.smartsync.sync.AuditedRead;
import io.smartsync.sync.MemberNotes;
import io.smartsync.sync.NoSuchNoteException;
import io.smartsync.sync.SyncOutcome;
import io.smartsync.sync.SyncService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code /api/client-notes}: read a member's notes (syncing first), write, edit and delete them, in the
 * shapes the app sends today (edits and deletes by path or by body). Every call is audited; the author of
 * a note is the caller, never a field of the body.
 */
final class NotesRoutes {
    /** The app counts a month as 30 days ({@code months * 30 * 24 h}). */
    private static final Duration MONTH = Duration.ofDays(30);

    private static final String READ = "notes.read";

    private final SyncService sync;
    private final Audit audit;
    private final ObjectMapper json;
    private final Params params;
    private final NoteInput input;
    private final IdempotentCreates idempotent;
    private final Clock clock;
    private final WrittenNotes written;

    NotesRoutes(
            SyncService sync,
            Audit audit,
            ObjectMapper json,
            Params params,
            NoteInput input,
            IdempotentCreates idempotent,
            Clock clock) {
        this.sync = sync;
        this.audit = audit;
        this.json = json;
        this.params = params;
        this.input = input;
        this.idempotent = idempotent;
        this.clock = clock;
        this.written = new WrittenNotes(json.getFactory());
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/client-notes", Access.STAFF, this::list),
                Route.post("/api/client-notes", Access.STAFF, this::create),
                Route.put("/api/client-notes", Access.STAFF, ctx -> update(ctx, Optional.empty())),
                Route.put("/api/client-notes/{noteId}", Access.STAFF, ctx -> update(ctx, Optional.of(noteId(ctx)))),
                Route.delete("/api/client-notes", Access.STAFF, ctx -> delete(ctx, Optional.empty())),
                Route.delete("/api/client-notes/{noteId}", Access.STAFF, ctx -> delete(ctx, Optional.of(noteId(ctx)))));
    }

    /**
     * With {@code clientId2}: the member's notes, synced first ({@code forceRefresh=true}: a full check of
     * the member first), narrowed by {@code userId} and {@code months}. {@code includeAll=true} is the
     * app's initial fetch: every live note, whatever {@code since} and {@code months} say. Without
     * {@code clientId2} but with {@code userId}: that user's notes among the members stored here, paged.
     */
    private void list(Context ctx) {
        Principal who = Auth.principal(ctx);
        Optional<MemberId> member = params.optionalMember(ctx);
        Optional<String> userId = Params.text(ctx, "userId");
        boolean includeAll = Params.flag(ctx, "includeAll");
        boolean forceRefresh = Params.flag(ctx, "forceRefresh");
        Optional<Instant> since = Params.instant(ctx, "since");
        long months = Params.number(ctx, "months", 1, 24, 0);
        if (member.isEmpty()) {
            if (userId.isEmpty()) {
                throw ApiException.badRequest("clientId2 is required (the member's id, e.g. ?clientId2=CL001234),"
                        + " or userId for that user's notes");
            }
            answer(ctx, Envelope.ok(new NotesByAuthor(sync, audit, json).page(ctx, who, userId.get())));
            return;
        }
        MemberNotes answer = audit.failuresOf(who, READ, member.get(), () -> {
            if (forceRefresh) {
                sync.force(member);
            }
            return sync.select(
                    member.get(), includeAll ? Optional.empty() : since, new AuditedRead(who.userId(), READ));
        });
        Instant window = months == 0 || includeAll ? null : clock.instant().minus(MONTH.multipliedBy(months));
        boolean full = since.isEmpty() || includeAll;
        SyncOutcome outcome = answer.sync();
        if (full
                && userId.isEmpty()
                && window == null
                && outcome.newNoteIds().isEmpty()
                && outcome.updatedNoteIds().isEmpty()) {
            // The usual return visit: nothing new or updated, nothing left out. Its bytes up to the sync
            // part are the same while the member is unchanged, and are kept with the notes' JSON.
            byte[] head = written.whole(
                    answer.notes(),
                    parts -> NotesAnswer.unflaggedHead(json, parts, answer.notes(), sync.sourceTable()));
            answer(ctx, head, NoteJson.sync(outcome));
            return;
        }
        List<Note> notes = answer.notes().stream()
                .filter(n -> userId.isEmpty() || userId.get().equals(n.userId()))
                .filter(n -> window == null
                        || n.timeStamp() == null
                        || !n.timeStamp().isBefore(window))
                .toList();
        // A full answer's notes are the store's own list while the member is unchanged: their JSON is kept.
        Function<Note, WrittenNotes.Parts> parts =
                full ? written.of(answer.notes()) : n -> WrittenNotes.write(json.getFactory(), n);
        Map<String, Object> data =
                NotesAnswer.of(parts, notes, outcome.newNoteIds(), outcome.updatedNoteIds(), sync.sourceTable());
        data.put("sync", NoteJson.sync(outcome));
        answer(ctx, Envelope.ok(data));
    }

    /** An answer begun by {@link NotesAnswer#unflaggedHead}: the kept head, the sync part, the end. */
    private void answer(Context ctx, byte[] head, Map<String, Object> syncPart) {
        ctx.contentType(ContentType.APPLICATION_JSON);
        try {
            byte[] part = json.writeValueAsBytes(syncPart);
            OutputStream out = ctx.outputStream();
            out.write(head);
            out.write(part);
            out.write(NotesAnswer.UNFLAGGED_END);
        } catch (IOException e) {
            throw new UncheckedIOException("an answer could not be written", e);
        }
    }

    /**
     * Written as UTF-8 straight into the response, so each note's JSON is encoded once (see
     * {@link NotesAnswer}) and an answer with flags (some tens of kilobytes, its notes three times) is never
     * held whole in memory: it goes out through the server's output buffer, not through a copy of it per
     * request. The usual return visit's answer is held whole, once per version of the member's notes.
     */
    private void answer(Context ctx, Object body) {
        ctx.contentType(ContentType.APPLICATION_JSON);
        try {
            json.writeValue(ctx.outputStream(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("an answer could not be written", e);
        }
    }

    /** Safe to send again: with an {@code Idempotency-Key} header, or a {@code noteId} the client made. */
    private void create(Context ctx) {
        Principal who = Auth.principal(ctx);
        CreateNoteRequest body = Bodies.read(json, ctx, CreateNoteRequest.class);
        NoteInput.Checked in = input.check(body);
        IdempotentCreates.Answer answer = idempotent.handle(ctx, who, body.noteId(), noteId -> {
            Note note = audited(
                    who,
                    "notes.create",
                    in.member(),
                    noteId,
                    in.actor(),
                    () -> sync.create(in.member(), noteId, in.draft(), who.asAuthor()));
            try {
                return new IdempotentCreates.Answer(
                        201, json.writeValueAsString(Envelope.ok(NoteJson.note(note, true))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a note could not be written as JSON", e);
            }
        });
        ctx.status(answer.status()).contentType("application/json").result(answer.json());
    }

    /**
     * {@code PUT /api/client-notes[/{noteId}]}: changes only the fields the body names. With
     * {@code If-Match} naming an older version than the stored one, the conflict policy judges the edit.
     */
    private void update(Context ctx, Optional<String> pathId) {
        Principal who = Auth.principal(ctx);
        NoteEditInput.Body body = NoteEditInput.read(json, ctx, true);
        String noteId = noteId(pathId, body);
        MemberId member = member(ctx, noteId, body, pathId.isPresent());
        NoteEdit edit = NoteEditInput.edit(input, body);
        Note note = audited(
                who,
                "notes.update",
                member,
                noteId,
                body.actor(),
                () -> sync.update(member, noteId, edit, who.asAuthor().fullName(), Params.basedOn(ctx)));
        ctx.json(Envelope.ok(NoteJson.note(note, false)));
    }

    /** {@code DELETE /api/client-notes[/{noteId}]}: the note named in the path or in the body. */
    private void delete(Context ctx, Optional<String> pathId) {
        Principal who = Auth.principal(ctx);
        NoteEditInput.Body body = NoteEditInput.read(json, ctx, pathId.isEmpty());
        if (!body.named().isEmpty()) {
            throw ApiException.badRequest("a delete names the note only (noteId, clientId2), not fields to change");
        }
        String noteId = noteId(pathId, body);
        MemberId member = member(ctx, noteId, body, pathId.isPresent());
        audited(who, "notes.delete", member, noteId, body.actor(), () -> {
            sync.delete(member, noteId, who.asAuthor().fullName(), Params.basedOn(ctx));
            return null;
        });
        ctx.json(Envelope.ok(Map.of("noteId", noteId, "clientId2", member.value(), "deleted", true)));
    }

    private <T> T audited(Principal who, String action, MemberId member, String noteId, Actor actor, Supplier<T> work) {
        return audit.around(who, action, member, noteId, actor, work);
    }

    private static String noteId(Context ctx) {
        return Params.noteId(ctx);
    }

    /** The path's note id, which a body may repeat but not contradict; else the body's, which is then required. */
    private static String noteId(Optional<String> pathId, NoteEditInput.Body body) {
        if (pathId.isPresent()) {
            if (body.noteId().isPresent() && !body.noteId().get().equals(pathId.get())) {
                throw ApiException.badRequest("the body's noteId differs from the path's");
            }
            return pathId.get();
        }
        String id = body.noteId()
                .orElseThrow(() -> ApiException.badRequest("noteId and clientId2 are required in the body"));
        return Params.noteId(id);
    }

    /**
     * The member named in the body or the query; the body form requires it (as the app's route does), the
     * path form may leave it out (the app's offline queue sends a delete with no body), and then the
     * note's own member is taken.
     */
    private MemberId member(Context ctx, String noteId, NoteEditInput.Body body, boolean byPath) {
        Optional<MemberId> named = body.clientId2().isPresent()
                ? Optional.of(params.member(body.clientId2().get()))
                : params.optionalMember(ctx);
        if (named.isPresent()) {
            return named.get();
        }
        if (!byPath) {
            throw ApiException.badRequest("noteId and clientId2 are required in the body");
        }
        return sync.memberOf(noteId).orElseThrow(() -> new NoSuchNoteException("there is no note " + noteId));
    }
}
