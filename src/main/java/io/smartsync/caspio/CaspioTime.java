package io.smartsync.caspio;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Caspio's date and time values. Caspio writes them without an offset, in the zone of the field, at
 * one-second resolution; they are compared only with other values of the same field.
 */
public final class CaspioTime {
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private CaspioTime() {}

    /** A Caspio date-time as a local date-time; accepts a date alone, a space or a 'T', and an offset. */
    public static LocalDateTime parseLocal(String value) {
        String v = value.trim().replace(' ', 'T');
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(v).toLocalDateTime();
            }
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a Caspio date-time: " + value, e);
        }
    }

    /** A Caspio stamp of a field in {@code zone} as an instant. */
    public static Instant toInstant(String value, ZoneId zone) {
        String v = value.trim();
        if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return OffsetDateTime.parse(v.replace(' ', 'T')).toInstant();
        }
        return parseLocal(v).atZone(zone).toInstant();
    }

    /** Formats a local date-time the way Caspio writes it. */
    public static String format(LocalDateTime value) {
        return WIRE.format(value);
    }

    /** The stamp {@code seconds} before {@code stamp}, in the same field's terms. */
    public static String minusSeconds(String stamp, long seconds) {
        return format(parseLocal(stamp).minusSeconds(seconds));
    }
}
