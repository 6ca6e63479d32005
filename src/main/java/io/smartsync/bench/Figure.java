package io.smartsync.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One measured figure for both approaches. A null value was not measured, or does not apply (the
 * traditional approach has no backlog and no process of its own).
 */
record Figure(String key, String label, String unit, Double traditional, Double smartSync, Compare compare) {

    /** Which way is better, and so which ratio and words describe the difference. */
    enum Compare {
        /** a duration: lower is better, said as "n× faster" */
        FASTER,
        /** requests or bytes: lower is better, said as "n% fewer" */
        FEWER,
        /** a throughput: higher is better */
        HIGHER,
        /** the same for both, or context only */
        NONE
    }

    /** Traditional over smart sync for lower-is-better figures, smart sync over traditional otherwise. */
    Double ratio() {
        if (traditional == null || smartSync == null || compare == Compare.NONE) {
            return null;
        }
        double num = compare == Compare.HIGHER ? smartSync : traditional;
        double den = compare == Compare.HIGHER ? traditional : smartSync;
        return den == 0 ? null : num / den;
    }

    /** For requests and bytes: how much less smart sync exchanges, in percent (negative: more). */
    Double reductionPercent() {
        if (compare != Compare.FEWER || traditional == null || smartSync == null || traditional == 0) {
            return null;
        }
        return 100 * (1 - smartSync / traditional);
    }

    String comparison() {
        Double r = ratio();
        return switch (compare) {
            case NONE -> "";
            case FEWER -> {
                Double cut = reductionPercent();
                if (cut == null) {
                    yield "";
                }
                if (cut < 0) {
                    yield String.format(Locale.ROOT, "%.1f× more", smartSync / traditional);
                }
                yield r == null
                        ? "100% fewer (none)"
                        : String.format(Locale.ROOT, "%s%% fewer (%s×)", decimals(cut), number(r));
            }
            case FASTER -> r == null ? "" : r >= 1 ? number(r) + "× faster" : number(1 / r) + "× slower";
            case HIGHER -> r == null ? "" : r >= 1 ? number(r) + "× higher" : number(1 / r) + "× lower";
        };
    }

    String formatted(Double value) {
        if (value == null) {
            return "n/a";
        }
        return switch (unit) {
            case "bytes" -> bytes(value);
            case "ms", "s", "MB", "requests" -> number(value) + (unit.equals("requests") ? "" : " " + unit);
            default -> number(value) + " " + unit;
        };
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("unit", unit);
        m.put("traditional", traditional);
        m.put("smartSync", smartSync);
        m.put("ratio", ratio());
        m.put("reductionPercent", reductionPercent());
        m.put("better", compare.name().toLowerCase(Locale.ROOT));
        return m;
    }

    /** Three significant digits at most, no exponent. */
    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
    }

    private static String decimals(double percent) {
        return String.format(Locale.ROOT, percent >= 99 && percent < 100 ? "%.2f" : "%.1f", percent);
    }

    static String bytes(double b) {
        List<String> units = List.of("B", "KB", "MB", "GB");
        int i = 0;
        while (Math.abs(b) >= 1000 && i < units.size() - 1) {
            b /= 1000;
            i++;
        }
        return number(b) + " " + units.get(i);
    }

    /** Nearest-rank percentile of latencies in milliseconds; null when there are none. */
    static Double percentile(List<Double> values, double q) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(q / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
