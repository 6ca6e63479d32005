package io.smartsync.caspio;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Caspio's date and time values. Caspio writes them without an offset, in the zone of the field, at
 * one-second resolution; they are compared only with other values of the same field.
 */
public final class CaspioTime {
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final Pattern OFFSET = Pattern.compile(".*[+-]\\d\\d:\\d\\d$");

    private CaspioTime() {}

    /** A Caspio date-time as a local date-time; accepts a date alone, a space or a 'T', and an offset. */
    public static LocalDateTime parseLocal(String value) {
        String v = value.trim().replace(' ', 'T');
        LocalDateTime wire = wireForm(v);
        if (wire != null) {
            return wire;
        }
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay();
            }
            if (hasOffset(v)) {
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
        LocalDateTime wire = wireForm(v);
        if (wire != null) {
            return wire.atZone(zone).toInstant();
        }
        if (hasOffset(v)) {
            return OffsetDateTime.parse(v.replace(' ', 'T')).toInstant();
        }
        return parseLocal(v).atZone(zone).toInstant();
    }

    private static boolean hasOffset(String v) {
        return v.endsWith("Z") || OFFSET.matcher(v).matches();
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss}, the form Caspio answers every stamp in, read digit by digit: a table-wide
     * preload reads three of them per row, and the general parser cost more than the rest of the row.
     * Null for any other form (or an impossible date), which the general parser then reads or refuses.
     */
    private static LocalDateTime wireForm(String v) {
        if (v.length() != 19
                || v.charAt(4) != '-'
                || v.charAt(7) != '-'
                || v.charAt(10) != 'T'
                || v.charAt(13) != ':'
                || v.charAt(16) != ':') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number written by {@code length} ASCII digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String v, int from, int length) {
        int n = 0;
        for (int i = from; i < from + length; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
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
