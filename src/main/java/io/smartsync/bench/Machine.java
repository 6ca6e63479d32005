package io.smartsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the figures were measured on: they mean little without it. */
final class Machine {
    private Machine() {}

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu", procValue("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put(
                "memoryGiB",
                procValue("/proc/meminfo", "MemTotal")
                        .map(v -> Math.round(Long.parseLong(v.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0 * 10) / 10.0)
                        .orElse(null));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return m;
    }

    static String oneLine() {
        Map<String, Object> m = describe();
        return String.format(
                Locale.ROOT,
                "%s, %s cores, %s GiB RAM, %s, %s",
                m.get("cpu"),
                m.get("cores"),
                m.get("memoryGiB"),
                m.get("os"),
                m.get("java"));
    }

    private static java.util.Optional<String> procValue(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
