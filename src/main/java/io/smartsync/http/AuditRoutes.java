package io.smartsync.http;

import io.javalin.http.Context;
import io.smartsync.access.AuditEntry;
import io.smartsync.access.AuditFilter;
import io.smartsync.access.AuditLog;
import io.smartsync.access.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/audit}: an admin reads the audit log, newest first, filtered and paged. */
final class AuditRoutes {
    private final AuditLog log;
    private final Audit audit;
    private final Params params;

    AuditRoutes(AuditLog log, Audit audit, Params params) {
        this.log = log;
        this.audit = audit;
        this.params = params;
    }

    List<Route> routes() {
        return List.of(Route.get("/api/audit", Access.ADMIN, this::find));
    }

    private void find(Context ctx) {
        Principal who = Auth.principal(ctx);
        AuditFilter filter = new AuditFilter(
                Params.text(ctx, "actor").orElse(null),
                params.optionalMember(ctx).map(m -> m.value()).orElse(null),
                Params.text(ctx, "action").orElse(null),
                Params.instant(ctx, "from").orElse(null),
                Params.instant(ctx, "to").orElse(null),
                Params.single(ctx, "before").isPresent() ? Params.number(ctx, "before", 1, Long.MAX_VALUE, 0) : null,
                (int) Params.number(ctx, "limit", 1, AuditFilter.MAX_LIMIT, 100));
        List<AuditEntry> entries = log.find(filter);
        audit.ok(who, "audit.read", filter.clientId2(), null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entries", entries.stream().map(AuditRoutes::json).toList());
        data.put(
                "nextBefore",
                entries.size() < filter.limit() ? null : entries.getLast().id());
        ctx.json(Envelope.ok(data));
    }

    private static Map<String, Object> json(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", e.at().toString());
        m.put("actor", e.actor());
        m.put("action", e.action());
        m.put("clientId2", e.clientId2());
        m.put("noteId", e.noteId());
        m.put("outcome", e.outcome());
        return m;
    }
}
