package io.smartsync.note;

import java.time.LocalDateTime;

/**
 * What a person writes when they create or edit a note; the author and the ids come from elsewhere.
 */
public record NoteDraft(
        String comments,
        LocalDateTime followUpDate,
        String followUpStatus,
        String followUpAssignment,
        String assignedFirst,
        String seniorFullName) {

    public NoteDraft {
        if (comments == null || comments.isBlank()) {
            throw new IllegalArgumentException("comments is required");
        }
        if (comments.length() > Note.MAX_COMMENTS) {
            throw new IllegalArgumentException("comments must be at most " + Note.MAX_COMMENTS + " characters");
        }
    }

    /** What a person wrote in {@code note}. */
    public static NoteDraft of(Note note) {
        return new NoteDraft(
                note.comments(),
                note.followUpDate(),
                note.followUpStatus(),
                note.followUpAssignment(),
                note.assignedFirst(),
                note.seniorFullName());
    }
}
