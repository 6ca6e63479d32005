package io.smartsync.http;

import io.javalin.http.Context;
import io.smartsync.note.MemberId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks query and path parameters, answering 400 with what was wrong. */
final class Params {
    /** A note's id: a UUID made here, {@code caspio_<PK_ID>}, or a sync id written elsewhere. */
    private static final Pattern NOTE_ID = Pattern.compile("^[A-Za-z0-9_.:-]{1,100}$");

    private final Pattern memberIds;

    Params(Pattern memberIds) {
        this.memberIds = memberIds;
    }

    /** The required {@code clientId2} query parameter. */
    MemberId member(Context ctx) {
        return member(single(ctx, "clientId2")
                .orElseThrow(() ->
                        ApiException.badRequest("clientId2 is required (the member's id, e.g. ?clientId2=CL001234)")));
    }

    /** A member id from anywhere (body, path): it must match both the safe pattern and the configured one. */
    MemberId member(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("clientId2 is required (the member's id, e.g. CL001234)");
        }
        MemberId member = MemberId.of(raw); // refuses anything outside the safe pattern, with its reason
        if (!memberIds.matcher(raw).matches()) {
            throw ApiException.badRequest("clientId2 must match the pattern " + memberIds.pattern());
        }
        return member;
    }

    Optional<MemberId> optionalMember(Context ctx) {
        return single(ctx, "clientId2").map(this::member);
    }

    static String noteId(Context ctx) {
        return noteId(ctx.pathParam("noteId"));
    }

    /** A note id from anywhere (path, body). */
    static String noteId(String raw) {
        if (!NOTE_ID.matcher(raw).matches()) {
            throw ApiException.badRequest("noteId must be 1-100 letters, digits, '_', '.', ':' or '-'");
        }
        return raw;
    }

    /** An ISO 8601 instant with an offset, e.g. 2026-01-17T10:30:00Z, within Caspio's years 1753-9999. */
    static Optional<Instant> instant(Context ctx, String name) {
        return single(ctx, name).map(raw -> {
            Instant at;
            try {
                at = OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(
                        name + " must be an ISO 8601 instant with an offset, e.g. 2026-01-17T10:30:00Z");
            }
            if (at.isBefore(EARLIEST) || !at.isBefore(AFTER_LATEST)) {
                throw ApiException.badRequest(name + " must be within the years 1753 to 9999 (UTC)");
            }
            return at;
        });
    }

    /** Caspio's dates are SQL Server datetimes: 1753-01-01 to 9999-12-31. */
    private static final Instant EARLIEST = Instant.parse("1753-01-01T00:00:00Z");

    private static final Instant AFTER_LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    static boolean flag(Context ctx, String name) {
        return single(ctx, name)
                .map(raw -> {
                    if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
                        return Boolean.parseBoolean(raw);
                    }
                    throw ApiException.badRequest(name + " must be true or false");
                })
                .orElse(false);
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    static long number(Context ctx, String name, long min, long max, long fallback) {
        return single(ctx, name)
                .map(raw -> {
                    try {
                        long v = Long.parseLong(raw);
                        if (v >= min && v <= max) {
                            return v;
                        }
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                    throw ApiException.badRequest(name + " must be a whole number from " + min + " to " + max);
                })
                .orElse(fallback);
    }

    /** A path parameter that must be a positive whole number. */
    static long pathId(Context ctx, String name) {
        try {
            long v = Long.parseLong(ctx.pathParam(name));
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(name + " must be a positive whole number");
    }

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"([0-9a-f]{16})\"");

    /**
     * The note version an edit or delete was based on, from {@code If-Match}: one version as the API shows
     * it ({@code version}), in quotes. Absent or {@code *}: any version.
     */
    static Optional<String> basedOn(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(header.trim());
        if (!m.matches()) {
            throw ApiException.badRequest("If-Match must name one version of the note as the API shows it"
                    + " (its \"version\": 16 hex digits, in double quotes), or *");
        }
        return Optional.of(m.group(1));
    }

    /** A short text filter: at most 100 characters without control characters. */
    static Optional<String> text(Context ctx, String name) {
        return single(ctx, name).map(raw -> {
            if (raw.length() > 100 || raw.chars().anyMatch(Character::isISOControl)) {
                throw ApiException.badRequest(name + " must be at most 100 characters without control characters");
            }
            return raw;
        });
    }

    /** A parameter given at most once; blank counts as absent, as the original app's clients send it. */
    static Optional<String> single(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw ApiException.badRequest(name + " must be given at most once");
        }
        return values.isEmpty() || values.getFirst().isBlank() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
