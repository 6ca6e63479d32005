package io.smartsync.note;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * A value of a Caspio date/time field, ordered as Caspio orders it. Caspio stores such a field as a local
 * date-time in the field's own zone, and {@code q.where} and {@code q.orderBy} compare those local values;
 * so do these, which keeps a cursor from skipping rows in an hour that repeats when clocks go back. An
 * instant is derived only for answers and clock comparisons ({@link #toInstant}). Never compare stamps as
 * text: {@code "2026-01-17 10:30:05"} and {@code "2026-01-17T10:30:05"} are the same value.
 */
public final class CaspioStamp implements Comparable<CaspioStamp> {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final Pattern OFFSET = Pattern.compile(".*[+-]\\d\\d:\\d\\d$");

    /** Nulls (no stamp: a table without an update stamp, or a note not in Caspio yet) first. */
    public static final Comparator<CaspioStamp> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private final LocalDateTime local;

    private CaspioStamp(LocalDateTime local) {
        this.local = local;
    }

    public static CaspioStamp of(LocalDateTime local) {
        if (local == null) {
            throw new IllegalArgumentException("a Caspio stamp needs a date-time");
        }
        return new CaspioStamp(local);
    }

    /**
     * Reads every form Caspio sends: {@code 2026-01-17T10:30:05} (its answers), a space for the {@code T},
     * fractions of a second, a date alone, and an offset or {@code Z} (whose local part is the value).
     *
     * @throws IllegalArgumentException when the text is no date-time
     */
    public static CaspioStamp parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("not a Caspio date-time: null");
        }
        String v = text.trim().replace(' ', 'T');
        LocalDateTime wire = wireForm(v);
        if (wire != null) {
            return new CaspioStamp(wire);
        }
        try {
            if (v.length() == 10) {
                return new CaspioStamp(LocalDate.parse(v).atStartOfDay());
            }
            if (hasOffset(v)) {
                return new CaspioStamp(OffsetDateTime.parse(v).toLocalDateTime());
            }
            return new CaspioStamp(LocalDateTime.parse(v));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a Caspio date-time: " + text, e);
        }
    }

    /** {@link #parse}, or null for null or blank text. */
    public static CaspioStamp parseOrNull(String text) {
        return text == null || text.isBlank() ? null : parse(text);
    }

    /**
     * Orders two stamps as written (either may be null, which comes first). The one place stamps kept as
     * text are compared.
     */
    public static int compare(String a, String b) {
        return NULLS_FIRST.compare(parseOrNull(a), parseOrNull(b));
    }

    /** True when {@code text} holds an offset or {@code Z}: an instant, not a field's local value. */
    public static boolean hasOffset(String text) {
        String v = text.trim();
        return v.endsWith("Z") || OFFSET.matcher(v).matches();
    }

    public LocalDateTime local() {
        return local;
    }

    /**
     * The instant this stamp names in the field's {@code zone} (in a repeated hour, the earlier of the two).
     */
    public Instant toInstant(ZoneId zone) {
        return local.atZone(zone).toInstant();
    }

    public CaspioStamp minusSeconds(long seconds) {
        return new CaspioStamp(local.minusSeconds(seconds));
    }

    public boolean isAfter(CaspioStamp other) {
        return compareTo(other) > 0;
    }

    public boolean isBefore(CaspioStamp other) {
        return compareTo(other) < 0;
    }

    /**
     * The form Caspio answers in, {@code yyyy-MM-ddTHH:mm:ss}, with the fraction of a second after a dot
     * only when there is one, without trailing zeros. What the store keeps and what a {@code q.where} literal holds.
     */
    public String wire() {
        String seconds = SECONDS.format(local);
        if (local.getNano() == 0) {
            return seconds;
        }
        // As few fraction digits as the value needs (SQL Server's datetime takes at most three).
        return seconds + String.format(".%09d", local.getNano()).replaceFirst("0+$", "");
    }

    @Override
    public int compareTo(CaspioStamp other) {
        return local.compareTo(other.local);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaspioStamp other && local.equals(other.local);
    }

    @Override
    public int hashCode() {
        return local.hashCode();
    }

    @Override
    public String toString() {
        return wire();
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss}, the form Caspio answers every stamp in, read digit by digit: a table-wide
     * preload reads three of them per row, and the general parser cost more than the rest of the row. Null
     * for any other form (or an impossible date), which the general parser then reads or refuses.
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
}
