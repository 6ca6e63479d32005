package io.smartsync.note;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person's edit of a note: only the fields it names change, the others stay as stored (the app sends
 * just {@code followUpStatus}, or just {@code followUpDate}). A named field with no value clears it;
 * the comments can be replaced but never cleared.
 */
public record NoteEdit(
        Set<NoteEdit.Field> named,
        String comments,
        LocalDateTime followUpDate,
        String followUpStatus,
        String followUpAssignment,
        String assignedFirst,
        String seniorFullName) {

    /** The fields a person may change; ids, author and Caspio's stamps are not among them. */
    public enum Field {
        COMMENTS,
        FOLLOW_UP_DATE,
        FOLLOW_UP_STATUS,
        FOLLOW_UP_ASSIGNMENT,
        ASSIGNED_FIRST,
        SENIOR_FULL_NAME
    }

    public NoteEdit {
        if (named == null || named.isEmpty()) {
            throw new IllegalArgumentException("an edit names at least one field to change");
        }
        named = Set.copyOf(EnumSet.copyOf(named));
        if (named.contains(Field.COMMENTS) && (comments == null || comments.isBlank())) {
            throw new IllegalArgumentException("comments cannot be cleared");
        }
    }

    /** An edit that names every field: what a full form sends. */
    public static NoteEdit of(NoteDraft draft) {
        return new NoteEdit(
                EnumSet.allOf(Field.class),
                draft.comments(),
                draft.followUpDate(),
                draft.followUpStatus(),
                draft.followUpAssignment(),
                draft.assignedFirst(),
                draft.seniorFullName());
    }

    /** The note's content with the named fields replaced. */
    public NoteDraft applyTo(Note n) {
        return new NoteDraft(
                pick(Field.COMMENTS, comments, n.comments()),
                pick(Field.FOLLOW_UP_DATE, followUpDate, n.followUpDate()),
                pick(Field.FOLLOW_UP_STATUS, followUpStatus, n.followUpStatus()),
                pick(Field.FOLLOW_UP_ASSIGNMENT, followUpAssignment, n.followUpAssignment()),
                pick(Field.ASSIGNED_FIRST, assignedFirst, n.assignedFirst()),
                pick(Field.SENIOR_FULL_NAME, seniorFullName, n.seniorFullName()));
    }

    private <T> T pick(Field field, T edited, T stored) {
        return named.contains(field) ? edited : stored;
    }
}
