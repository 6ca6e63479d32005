package io.smartsync.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.smartsync.access.AuditLog;
import io.smartsync.access.Principal;
import io.smartsync.access.Role;
import io.smartsync.note.Conflict;
import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.sync.ProcessResult;
import io.smartsync.sync.SyncService;
import io.smartsync.sync.SyncType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The seed's sync management endpoints: status of a member, the pending queue, push now. */
final class SyncRoutes {
    private final SyncService sync;
    private final AuditLog audit;

    private final ObjectMapper json;

    SyncRoutes(SyncService sync, AuditLog audit, ObjectMapper json) {
        this.sync = sync;
        this.audit = audit;
        this.json = json;
    }

    void register(JavalinConfig config) {
        config.routes.get("/api/sync-status", this::status);
        config.routes.get("/api/sync/pending", this::pending);
        config.routes.get("/api/sync/failed", this::failed);
        config.routes.post("/api/sync/process", this::process);
        config.routes.post("/api/sync/force", this::force);
        config.routes.post("/api/sync/retry-failed", this::retryFailed);
        config.routes.get("/api/sync/conflicts", this::conflicts);
        config.routes.post("/api/sync/conflicts/{id}/resolve", this::resolve);
    }

    private void status(Context ctx) {
        Principal who = Auth.require(ctx, Role.STAFF);
        MemberId member = Params.member(ctx);
        MemberSyncStatus status = sync.status(member).orElse(MemberSyncStatus.fresh(member));
        audit.record(who.userId(), "sync.status", member.value(), null, "ok");
        ctx.json(Envelope.ok(NoteJson.status(status)));
    }

    private void pending(Context ctx) {
        Auth.require(ctx, Role.STAFF);
        ctx.json(Envelope.ok(sync.pending().stream().map(NoteJson::outbox).toList()));
    }

    private void failed(Context ctx) {
        Auth.require(ctx, Role.STAFF);
        ctx.json(Envelope.ok(sync.failed().stream().map(NoteJson::outbox).toList()));
    }

    private void force(Context ctx) {
        Principal who = Auth.require(ctx, Role.STAFF);
        ForceRequest body = ctx.body().isBlank() ? new ForceRequest(null) : Bodies.read(json, ctx, ForceRequest.class);
        Optional<MemberId> member = Optional.ofNullable(body.clientId2()).map(MemberId::of);
        SyncType type = sync.force(member);
        audit.record(who.userId(), "sync.force", member.map(MemberId::value).orElse(null), null, "ok");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("clientId2", member.map(MemberId::value).orElse(null));
        data.put("type", type.wireName());
        member.flatMap(sync::status).ifPresent(s -> data.put("status", NoteJson.status(s)));
        ctx.json(Envelope.ok(data));
    }

    /** The body of a forced sync; without a member, the whole table is checked. */
    record ForceRequest(String clientId2) {}

    private void retryFailed(Context ctx) {
        Principal who = Auth.require(ctx, Role.ADMIN);
        int requeued = sync.retryFailed();
        audit.record(who.userId(), "sync.retry-failed", null, null, "ok");
        ctx.json(Envelope.ok(Map.of("requeued", requeued)));
    }

    private void conflicts(Context ctx) {
        Auth.require(ctx, Role.STAFF);
        ctx.json(
                Envelope.ok(sync.conflicts(200).stream().map(NoteJson::conflict).toList()));
    }

    private void resolve(Context ctx) {
        Principal who = Auth.require(ctx, Role.ADMIN);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("conflict id must be a number, was " + ctx.pathParam("id"));
        }
        ResolveRequest body = Bodies.read(json, ctx, ResolveRequest.class);
        if (body.resolution() == null) {
            throw ApiException.badRequest("resolution is required: local or server");
        }
        Conflict settled = sync.resolve(id, body.resolution(), who.userId());
        audit.record(who.userId(), "sync.resolve-conflict", settled.member().value(), settled.noteId(), "ok");
        ctx.json(Envelope.ok(NoteJson.conflict(settled)));
    }

    /** The body of a conflict resolution. */
    record ResolveRequest(String resolution) {}

    private void process(Context ctx) {
        Principal who = Auth.require(ctx, Role.STAFF);
        ProcessResult result = sync.processNow();
        audit.record(who.userId(), "sync.process", null, null, "ok");
        ctx.json(Envelope.ok(Map.of("processed", result.processed(), "failed", result.failed())));
    }
}
