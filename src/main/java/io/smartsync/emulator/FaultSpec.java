package io.smartsync.emulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code key=value,…} text form of a {@link FaultConfig}, both ways. */
final class FaultSpec {

    static final String LATENCY = "latency";
    static final String JITTER = "jitter";
    static final String ERROR_5XX = "error5xx";
    static final String THROTTLE_429 = "throttle429";
    static final String RETRY_AFTER = "retryAfter";
    static final String DROP_AFTER_COMMIT = "dropAfterCommit";
    static final String TOKEN_EXPIRY = "tokenExpiry";
    static final String CLOCK_SKEW = "clockSkew";
    static final String LATE_COMMIT = "lateCommit";
    static final String LATE_COMMIT_LAG = "lateCommitLag";

    static final List<String> KEYS = List.of(
            LATENCY,
            JITTER,
            ERROR_5XX,
            THROTTLE_429,
            RETRY_AFTER,
            DROP_AFTER_COMMIT,
            TOKEN_EXPIRY,
            CLOCK_SKEW,
            LATE_COMMIT,
            LATE_COMMIT_LAG);

    private static final Pattern DURATION = Pattern.compile("([+-]?)(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)");
    private static final Map<String, Long> UNIT_NANOS = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);
    private static final List<String> UNITS_LARGEST_FIRST = List.of("h", "m", "s", "ms", "us", "ns");

    private FaultSpec() {}

    static FaultConfig parse(String spec) {
        if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("none")) {
            return FaultConfig.NONE;
        }
        Map<String, String> values = new HashMap<>();
        for (String part : spec.split(",", -1)) {
            String pair = part.strip();
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(
                        "faults: '" + pair + "' is not key=value (keys: " + String.join(", ", KEYS) + ")");
            }
            String key = canonicalKey(pair.substring(0, eq).strip());
            if (values.put(key, pair.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("faults: " + key + " is given twice");
            }
        }
        FaultConfig d = FaultConfig.NONE;
        return new FaultConfig(
                duration(values, LATENCY, d.latency()),
                duration(values, JITTER, d.jitter()),
                probability(values, ERROR_5XX, d.error5xx()),
                probability(values, THROTTLE_429, d.throttle429()),
                duration(values, RETRY_AFTER, d.retryAfter()),
                probability(values, DROP_AFTER_COMMIT, d.dropAfterCommit()),
                optionalDuration(values, TOKEN_EXPIRY),
                duration(values, CLOCK_SKEW, d.clockSkew()),
                probability(values, LATE_COMMIT, d.lateCommit()),
                duration(values, LATE_COMMIT_LAG, d.lateCommitLag()));
    }

    static String format(FaultConfig f) {
        FaultConfig d = FaultConfig.NONE;
        List<String> parts = new ArrayList<>();
        add(parts, LATENCY, f.latency(), d.latency());
        add(parts, JITTER, f.jitter(), d.jitter());
        add(parts, ERROR_5XX, f.error5xx(), d.error5xx());
        add(parts, THROTTLE_429, f.throttle429(), d.throttle429());
        add(parts, RETRY_AFTER, f.retryAfter(), d.retryAfter());
        add(parts, DROP_AFTER_COMMIT, f.dropAfterCommit(), d.dropAfterCommit());
        if (f.tokenExpiry() != null) {
            parts.add(TOKEN_EXPIRY + "=" + format(f.tokenExpiry()));
        }
        add(parts, CLOCK_SKEW, f.clockSkew(), d.clockSkew());
        add(parts, LATE_COMMIT, f.lateCommit(), d.lateCommit());
        add(parts, LATE_COMMIT_LAG, f.lateCommitLag(), d.lateCommitLag());
        return String.join(",", parts);
    }

    /** In the largest unit that states the duration exactly: {@code 1500ms}, {@code -3s}, {@code 2m}. */
    static String format(Duration value) {
        if (value.isZero()) {
            return "0s";
        }
        long nanos;
        try {
            nanos = value.toNanos();
        } catch (ArithmeticException tooLong) {
            return value.toSeconds() + "s";
        }
        for (String unit : UNITS_LARGEST_FIRST) {
            long size = UNIT_NANOS.get(unit);
            if (nanos % size == 0) {
                return nanos / size + unit;
            }
        }
        throw new AssertionError("ns divides every duration");
    }

    private static String canonicalKey(String given) {
        return KEYS.stream()
                .filter(k -> k.equalsIgnoreCase(given))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "faults: unknown key '" + given + "' (keys: " + String.join(", ", KEYS) + ")"));
    }

    private static Duration duration(Map<String, String> values, String key, Duration absent) {
        String text = values.get(key);
        if (text == null) {
            return absent;
        }
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("faults: " + key + "=" + text
                    + " is not a duration such as 80ms, 1s, 2m or -3s (units ns, us, ms, s, m, h)");
        }
        try {
            BigDecimal nanos = new BigDecimal(m.group(2)).multiply(BigDecimal.valueOf(UNIT_NANOS.get(m.group(3))));
            Duration value = Duration.ofNanos(nanos.longValueExact());
            return m.group(1).equals("-") ? value.negated() : value;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "faults: " + key + "=" + text + " is not a whole number of nanoseconds within 292 years");
        }
    }

    private static Duration optionalDuration(Map<String, String> values, String key) {
        String text = values.get(key);
        if (text == null || text.equalsIgnoreCase("none")) {
            return null;
        }
        return duration(values, key, null);
    }

    private static double probability(Map<String, String> values, String key, double absent) {
        String text = values.get(key);
        if (text == null) {
            return absent;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "faults: " + key + "=" + text + " is not a probability from 0 to 1 (such as 0.05)");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(
                    "faults: " + key + "=" + text + " is not a probability from 0 to 1 (such as 0.05)");
        }
        return value;
    }

    private static void add(List<String> parts, String key, Duration value, Duration absent) {
        if (!value.equals(absent)) {
            parts.add(key + "=" + format(value));
        }
    }

    private static void add(List<String> parts, String key, double value, double absent) {
        if (value != absent) {
            parts.add(key + "=" + BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
        }
    }
}
