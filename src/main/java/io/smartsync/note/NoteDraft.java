package io.smartsync.note;

import java.util.Objects;

/**
 * What a person writes when they create or edit a note: its content, with comments that say something; the
 * author and the ids come from elsewhere.
 */
public record NoteDraft(NoteContent content) {

    public NoteDraft {
        Objects.requireNonNull(content, "content");
        String comments = content.comments();
        if (comments == null || comments.isBlank()) {
            throw new InvalidInputException("comments is required");
        }
    }

    /** What a person wrote in {@code note}. */
    public static NoteDraft of(Note note) {
        return new NoteDraft(note.content());
    }
}
