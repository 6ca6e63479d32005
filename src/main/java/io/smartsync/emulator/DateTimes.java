package io.smartsync.emulator;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Caspio's date-time text. Values are stored as {@code yyyy-MM-ddTHH:mm:ss} so that SQLite's text
 * comparison orders them correctly; both the {@code T} and the space form are accepted as input.
 */
final class DateTimes {

    private DateTimes() {}

    static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /**
     * What SQL Server's datetime conversion reads from ISO 8601 text: a date, or a date and time to the
     * minute, second or fraction, optionally followed by {@code Z} or an offset, which is dropped: the
     * digits are taken as the field's own time (CaspioRules.DATE_LITERALS).
     */
    private static final Pattern INPUT = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})"
            + "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(?:Z|[+-]\\d{2}:\\d{2})?)?");

    static Optional<LocalDateTime> parse(String text) {
        Matcher m = INPUT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int nanos = 0;
            if (m.group(7) != null) {
                nanos = Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
            }
            return Optional.of(LocalDateTime.of(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    group(m, 4),
                    group(m, 5),
                    group(m, 6),
                    nanos));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int group(Matcher m, int index) {
        return m.group(index) == null ? 0 : Integer.parseInt(m.group(index));
    }

    /** The stored form: whole seconds, as Caspio keeps them. */
    static String stored(LocalDateTime value) {
        return STORED.format(value.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The form for comparing with stored text. A fraction is kept (trailing zeros dropped) so that
     * {@code >= '10:30:00.5'} still excludes a stored {@code 10:30:00}: the shorter text sorts first.
     */
    static String comparable(LocalDateTime value) {
        String base = stored(value);
        if (value.getNano() == 0) {
            return base;
        }
        String fraction = String.format("%09d", value.getNano()).replaceAll("0+$", "");
        return base + "." + fraction;
    }

    static String at(Instant instant, ZoneId zone) {
        return stored(LocalDateTime.ofInstant(instant, zone));
    }
}
