package io.smartsync.caspio;

import io.smartsync.note.CaspioStamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Caspio's date and time values. Caspio writes them without an offset, in the zone of the field, at
 * one-second resolution; they are compared only with other values of the same field.
 */
public final class CaspioTime {
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private CaspioTime() {}

    /** A Caspio date-time as a local date-time; accepts a date alone, a space or a 'T', and an offset. */
    public static LocalDateTime parseLocal(String value) {
        return CaspioStamp.parse(value).local();
    }

    /** A Caspio stamp of a field in {@code zone} as an instant; a value with an offset is read by its offset. */
    public static Instant toInstant(String value, ZoneId zone) {
        if (CaspioStamp.hasOffset(value)) {
            return OffsetDateTime.parse(value.trim().replace(' ', 'T')).toInstant();
        }
        return CaspioStamp.parse(value).toInstant(zone);
    }

    /** Formats a local date-time the way Caspio writes it. */
    public static String format(LocalDateTime value) {
        return WIRE.format(value);
    }

    /** The stamp {@code seconds} before {@code stamp}, in the same field's terms. */
    public static String minusSeconds(String stamp, long seconds) {
        return CaspioStamp.parse(stamp).minusSeconds(seconds).wire();
    }
}
