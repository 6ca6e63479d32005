package io.smartsync.http;

import io.javalin.http.Context;
import io.smartsync.note.MemberId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads and checks query parameters, answering 400 with what was wrong. */
final class Params {
    private Params() {}

    static MemberId member(Context ctx) {
        String raw = ctx.queryParam("clientId2");
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("clientId2 is required (the member's id, e.g. ?clientId2=CL001234)");
        }
        return MemberId.of(raw);
    }

    static Optional<Instant> since(Context ctx) {
        String raw = ctx.queryParam("since");
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(raw).toInstant());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(
                    "since must be an ISO 8601 instant with an offset, e.g. 2026-01-17T10:30:00Z; was " + raw);
        }
    }

    static boolean flag(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return false;
        }
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw);
        }
        throw ApiException.badRequest(name + " must be true or false, was " + raw);
    }
}
