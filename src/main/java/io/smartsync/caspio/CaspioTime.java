package io.smartsync.caspio;

import io.smartsync.note.CaspioStamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What is left of Caspio's date and time values beside {@link CaspioStamp}, which reads and orders them:
 * the instant a stamp names when Caspio wrote it with an offset (a {@code CaspioStamp} keeps only its
 * local part), and the wire form of a date/time field's value.
 */
final class CaspioTime {
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private CaspioTime() {}

    /** A Caspio stamp of a field in {@code zone} as an instant; a value with an offset is read by its offset. */
    static Instant toInstant(String value, ZoneId zone) {
        if (CaspioStamp.hasOffset(value)) {
            return OffsetDateTime.parse(value.trim().replace(' ', 'T')).toInstant();
        }
        return CaspioStamp.parse(value).toInstant(zone);
    }

    /** Formats a local date-time the way Caspio writes it. */
    static String format(LocalDateTime value) {
        return WIRE.format(value);
    }
}
