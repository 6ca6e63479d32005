package io.smartsync.note;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person's edit of a note: only the fields it names change, the others stay as stored (the app sends
 * just {@code followUpStatus}, or just {@code followUpDate}). A named field with no value clears it;
 * the comments can be replaced but never cleared.
 *
 * @param values the new values of the named fields; those of the other fields are not used
 */
public record NoteEdit(Set<NoteEdit.Field> named, NoteContent values) {

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
            throw new InvalidInputException("an edit names at least one field to change");
        }
        named = Set.copyOf(EnumSet.copyOf(named));
        Objects.requireNonNull(values, "values");
        String comments = values.comments();
        if (named.contains(Field.COMMENTS) && (comments == null || comments.isBlank())) {
            throw new InvalidInputException("comments cannot be cleared");
        }
    }

    /** An edit that names every field: what a full form sends. */
    public static NoteEdit of(NoteDraft draft) {
        return new NoteEdit(EnumSet.allOf(Field.class), draft.content());
    }

    /** The note's content with the named fields replaced. */
    public NoteDraft applyTo(Note n) {
        NoteContent stored = n.content();
        return new NoteDraft(new NoteContent(
                pick(Field.COMMENTS, values.comments(), stored.comments()),
                pick(Field.FOLLOW_UP_DATE, values.followUpDate(), stored.followUpDate()),
                pick(Field.FOLLOW_UP_STATUS, values.followUpStatus(), stored.followUpStatus()),
                pick(Field.FOLLOW_UP_ASSIGNMENT, values.followUpAssignment(), stored.followUpAssignment()),
                pick(Field.ASSIGNED_FIRST, values.assignedFirst(), stored.assignedFirst()),
                pick(Field.SENIOR_FULL_NAME, values.seniorFullName(), stored.seniorFullName())));
    }

    private <T> T pick(Field field, T edited, T stored) {
        return named.contains(field) ? edited : stored;
    }
}
