package io.smartsync.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.smartsync.access.AuditLog;
import io.smartsync.access.Principal;
import io.smartsync.access.Role;
import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.sync.ProcessResult;
import io.smartsync.sync.SyncService;
import java.util.Map;

/** The seed's sync management endpoints: status of a member, the pending queue, push now. */
final class SyncRoutes {
    private final SyncService sync;
    private final AuditLog audit;

    SyncRoutes(SyncService sync, AuditLog audit) {
        this.sync = sync;
        this.audit = audit;
    }

    void register(JavalinConfig config) {
        config.routes.get("/api/sync-status", this::status);
        config.routes.get("/api/sync/pending", this::pending);
        config.routes.get("/api/sync/failed", this::failed);
        config.routes.post("/api/sync/process", this::process);
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

    private void process(Context ctx) {
        Principal who = Auth.require(ctx, Role.STAFF);
        ProcessResult result = sync.processNow();
        audit.record(who.userId(), "sync.process", null, null, "ok");
        ctx.json(Envelope.ok(Map.of("processed", result.processed(), "failed", result.failed())));
    }
}
