package io.smartsync.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.smartsync.access.Principal;
import io.smartsync.note.Conflict;
import io.smartsync.note.ConflictChoice;
import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.sync.ProcessResult;
import io.smartsync.sync.SyncHistory;
import io.smartsync.sync.SyncMetrics;
import io.smartsync.sync.SyncReports;
import io.smartsync.sync.SyncService;
import io.smartsync.sync.SyncSetting;
import io.smartsync.sync.SyncType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The seed's sync management endpoints: a member's status, the queue, push now, force, conflicts, metrics. */
final class SyncRoutes {
    /** How many conflicts the log shows at once, newest first. */
    private static final int CONFLICTS_SHOWN = 200;

    private final SyncService sync;
    private final SyncReports reports;
    private final Audit audit;
    private final ObjectMapper json;
    private final Params params;

    SyncRoutes(SyncService sync, SyncReports reports, Audit audit, ObjectMapper json, Params params) {
        this.sync = sync;
        this.reports = reports;
        this.audit = audit;
        this.json = json;
        this.params = params;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/sync-status", Access.STAFF, this::status),
                Route.get("/api/sync/pending", Access.STAFF, this::pending),
                Route.get("/api/sync/failed", Access.STAFF, this::failed),
                Route.post("/api/sync/process", Access.STAFF, this::process),
                Route.post("/api/sync/force", Access.STAFF, this::force),
                Route.post("/api/sync/preload", Access.ADMIN, this::preload),
                Route.post("/api/sync/retry-failed", Access.ADMIN, this::retryFailed),
                Route.get("/api/sync/conflicts", Access.STAFF, this::conflicts),
                Route.post("/api/sync/conflicts/{id}/resolve", Access.ADMIN, this::resolve),
                Route.get("/api/sync/metrics", Access.STAFF, this::metrics),
                Route.get("/api/sync/history", Access.STAFF, this::history),
                Route.get("/api/sync/settings", Access.ADMIN, this::settings),
                Route.delete("/api/sync/members/{clientId2}", Access.ADMIN, this::clearMember));
    }

    private void status(Context ctx) {
        Principal who = Auth.principal(ctx);
        MemberId member = params.member(ctx);
        MemberSyncStatus status = audit.around(
                who, "sync.status", member, null, () -> sync.status(member).orElse(MemberSyncStatus.fresh(member)));
        ctx.json(Envelope.ok(NoteJson.status(status)));
    }

    private void pending(Context ctx) {
        ctx.json(Envelope.ok(sync.pending().stream().map(NoteJson::outbox).toList()));
    }

    private void failed(Context ctx) {
        ctx.json(Envelope.ok(sync.failed().stream().map(NoteJson::outbox).toList()));
    }

    /** The body of a forced sync; without a member, the whole table is checked. */
    record ForceRequest(String clientId2) {}

    private void force(Context ctx) {
        Principal who = Auth.principal(ctx);
        ForceRequest body = Bodies.readOptional(json, ctx, ForceRequest.class, new ForceRequest(null));
        Optional<MemberId> member = Optional.ofNullable(body.clientId2()).map(params::member);
        SyncType type = audit.around(who, "sync.force", member.orElse(null), null, () -> sync.force(member));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("clientId2", member.map(MemberId::value).orElse(null));
        data.put("type", type.wireName());
        member.flatMap(sync::status).ifPresent(s -> data.put("status", NoteJson.status(s)));
        ctx.json(Envelope.ok(data));
    }

    /**
     * The whole table read into the store in the background (a preload): admin only, since it costs a
     * request per thousand rows. 202 when it started, 200 when one was already running.
     */
    private void preload(Context ctx) {
        Principal who = Auth.principal(ctx);
        boolean started = audit.around(who, "sync.preload", null, null, sync::preload);
        ctx.status(started ? 202 : 200).json(Envelope.ok(Map.of("started", started)));
    }

    private void retryFailed(Context ctx) {
        Principal who = Auth.principal(ctx);
        int requeued = audit.around(who, "sync.retry-failed", null, null, sync::retryFailed);
        ctx.json(Envelope.ok(Map.of("requeued", requeued)));
    }

    /** Both versions of each conflicting note are shown: a read of those members' notes, audited per member. */
    private void conflicts(Context ctx) {
        Principal who = Auth.principal(ctx);
        List<Conflict> shown = sync.conflicts(CONFLICTS_SHOWN);
        new TreeSet<>(shown.stream().map(c -> c.member().value()).toList())
                .forEach(m -> audit.ok(who, "conflicts.read", m, null));
        ctx.json(Envelope.ok(shown.stream().map(NoteJson::conflict).toList()));
    }

    /** The body of a conflict resolution. */
    record ResolveRequest(String resolution) {}

    private void resolve(Context ctx) {
        Principal who = Auth.principal(ctx);
        long id = Params.pathId(ctx, "id");
        ResolveRequest body = Bodies.read(json, ctx, ResolveRequest.class);
        ConflictChoice choice = ConflictChoice.fromWire(body.resolution())
                .orElseThrow(() -> ApiException.invalid("resolution must be local or server"));
        Conflict settled;
        try {
            settled = sync.resolve(id, choice, who.userId());
        } catch (RuntimeException e) {
            // The member is known only once the conflict is found: a failure names the conflict instead.
            audit.record(
                    who.userId(), "sync.resolve-conflict", null, "conflict " + id, "failed: " + ErrorMapping.codeOf(e));
            throw e;
        }
        audit.ok(who, "sync.resolve-conflict", settled.member().value(), settled.noteId());
        ctx.json(Envelope.ok(NoteJson.conflict(settled)));
    }

    private void process(Context ctx) {
        Principal who = Auth.principal(ctx);
        ProcessResult result = audit.around(who, "sync.process", null, null, sync::processNow);
        ctx.json(Envelope.ok(Map.of("processed", result.processed(), "failed", result.failed())));
    }

    private void metrics(Context ctx) {
        SyncMetrics m = reports.metrics();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("totalMembers", m.totalMembers());
        data.put("syncedMembers", m.syncedMembers());
        data.put("pendingSyncs", m.pendingSyncs());
        data.put("failedSyncs", m.failedSyncs());
        data.put("avgSyncTime", m.avgSyncTime());
        data.put("dataTransferSaved", m.dataTransferSaved());
        data.put("fullReloadBytes", m.fullReloadBytes());
        data.put("caspioBytes", m.caspioBytes());
        data.put("caspioCallsThisMonth", m.caspioCallsThisMonth());
        ctx.json(Envelope.ok(data));
    }

    /** The admin's settings view: every sync setting in effect and where it came from. */
    private void settings(Context ctx) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (SyncSetting s : sync.settings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("variable", s.variable());
            m.put("value", s.value());
            m.put("source", s.source());
            all.add(m);
        }
        ctx.json(Envelope.ok(Map.of("settings", all)));
    }

    /** The dashboard's charts: Caspio traffic per hour and the latest member syncs (ids and counts). */
    private void history(Context ctx) {
        int hours = (int) Params.number(ctx, "hours", 1, SyncReports.MAX_HISTORY_HOURS, 24);
        SyncHistory h = reports.history(hours);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hours", h.hours().stream().map(SyncRoutes::hour).toList());
        data.put("recent", h.recent().stream().map(SyncRoutes::run).toList());
        data.put("incrementalBytesIn", h.incrementalBytesIn());
        data.put("maxHours", SyncReports.MAX_HISTORY_HOURS);
        data.put("recentLimit", SyncReports.RECENT_RUNS);
        ctx.json(Envelope.ok(data));
    }

    private static Map<String, Object> hour(SyncHistory.Hour h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", h.start().toString());
        m.put("runs", h.runs());
        m.put("requests", h.requests());
        m.put("bytesIn", h.bytesIn());
        m.put("bytesOut", h.bytesOut());
        m.put("avgDurationMs", h.avgDurationMs());
        return m;
    }

    private static Map<String, Object> run(SyncHistory.Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startedAt", r.startedAt().toString());
        m.put("kind", r.kind());
        m.put("clientId2", r.clientId2());
        m.put("durationMs", r.durationMs());
        m.put("requests", r.requests());
        m.put("bytesIn", r.bytesIn());
        m.put("newNotes", r.newNotes());
        m.put("outcome", r.outcome());
        return m;
    }

    /** An admin's "clear data" of one member: local notes and status go, queued writes stay. */
    private void clearMember(Context ctx) {
        Principal who = Auth.principal(ctx);
        MemberId member = params.member(ctx.pathParam("clientId2"));
        int removed = audit.around(who, "member.clear", member, null, () -> sync.clearMember(member));
        ctx.json(Envelope.ok(Map.of("clientId2", member.value(), "notesRemoved", removed)));
    }
}
