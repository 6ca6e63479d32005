package io.smartsync.http;

import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.NoteDraft;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Turns the body of a note's create or edit into a member and a draft, checking every field against
 * Caspio's limits (Text(64000) for comments, Text(255) for the rest) and the accepted follow-up statuses.
 * Unreadable values get 400; values that read well but break a rule get 422.
 */
final class NoteInput {
    /** Caspio's Text(255): the size of every text field of a note but the comments. */
    static final int MAX_TEXT = 255;

    private final Params params;
    private final Set<String> statuses;

    NoteInput(Params params, Set<String> statuses) {
        this.params = params;
        this.statuses = statuses;
    }

    record Checked(MemberId member, NoteDraft draft, Actor actor) {}

    Checked check(CreateNoteRequest body) {
        MemberId member = params.member(body.clientId2());
        String comments = comments(body.comments());
        if (comments == null) {
            throw ApiException.invalid("comments is required");
        }
        short255("userId", body.userId());
        short255("userFullName", body.userFullName());
        return new Checked(
                member,
                new NoteDraft(new NoteContent(
                        comments,
                        followUpDate(body.followUpDate()),
                        status(body.followUpStatus()),
                        short255("followUpAssignment", body.followUpAssignment()),
                        short255("assignedFirst", body.assignedFirst()),
                        short255("seniorFullName", body.seniorFullName()))),
                Actor.of(body.actorName(), body.actorEmail()));
    }

    /** Blank is absent; otherwise at most Caspio's 64,000 characters. */
    String comments(String comments) {
        if (comments == null || comments.isBlank()) {
            return null;
        }
        TextRules.multiline("comments", comments);
        if (comments.length() > Note.MAX_COMMENTS) {
            throw ApiException.invalid(
                    "comments must be at most " + Note.MAX_COMMENTS + " characters (Caspio's limit)");
        }
        return comments;
    }

    /**
     * Any status text the app's pages offer ({@code Open}, {@code 🟡 Priority}, …) unless an operator
     * listed the accepted ones.
     */
    String status(String raw) {
        String status = short255("followUpStatus", raw);
        if (status != null && !statuses.isEmpty() && !statuses.contains(status)) {
            throw ApiException.invalid("followUpStatus must be one of "
                    + String.join(", ", statuses.stream().sorted().toList()));
        }
        return status;
    }

    /** Blank is absent; otherwise at most 255 characters, without control characters. */
    static String short255(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw ApiException.invalid(name + " must be at most " + MAX_TEXT + " characters (Caspio's limit)");
        }
        TextRules.singleLine(name, value);
        return value;
    }

    /** A date (2026-02-01) or a local date-time (2026-02-01T09:30), within SQL Server's datetime range. */
    static LocalDateTime followUpDate(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDateTime value;
        try {
            value = raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay() : LocalDateTime.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("followUpDate must be a date such as 2026-02-01 or a local date-time"
                    + " such as 2026-02-01T09:30");
        }
        if (value.getYear() < 1753 || value.getYear() > 9999) {
            throw ApiException.invalid("followUpDate must be between the years 1753 and 9999");
        }
        return value;
    }
}
