package io.smartsync.note;

import java.time.Instant;
import java.util.Objects;

/**
 * A place in a newest-first listing of notes: the (time stamp, note id) of the last note a page held,
 * so the next page starts right after it even when several notes share a time stamp.
 */
public record NotePosition(Instant timeStamp, String noteId) {
    public NotePosition {
        Objects.requireNonNull(timeStamp, "timeStamp");
        Objects.requireNonNull(noteId, "noteId");
    }

    /** The text form handed to callers: {@code <ISO instant>_<noteId>}. */
    public String text() {
        return timeStamp + "_" + noteId;
    }

    /** Reads {@link #text()}; empty when the text is not such a position. */
    public static java.util.Optional<NotePosition> parse(String text) {
        int cut = text.indexOf('_');
        if (cut <= 0 || cut == text.length() - 1) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(
                    new NotePosition(Instant.parse(text.substring(0, cut)), text.substring(cut + 1)));
        } catch (java.time.DateTimeException e) {
            return java.util.Optional.empty();
        }
    }
}
