package io.smartsync.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads settings from the environment (a map, so tests can hand one in) over an optional {@code --config}
 * file with the same names ({@link ConfigFile}), naming the variable on error.
 */
final class Env {
    private final Map<String, String> vars;
    private final Map<String, String> file;
    private final Path fileName;

    Env(Map<String, String> vars) {
        this(vars, Map.of(), null);
    }

    private Env(Map<String, String> vars, Map<String, String> file, Path fileName) {
        this.vars = vars;
        this.file = file;
        this.fileName = fileName;
    }

    /** These settings over the file's ({@code --config}); unchanged when {@code config} is null. */
    Env over(Path config) {
        return config == null ? this : new Env(vars, ConfigFile.read(config), config);
    }

    Optional<String> get(String name) {
        return value(vars, name).or(() -> value(file, name));
    }

    /** Where {@code name}'s value comes from: {@code environment}, {@code file} or {@code default}. */
    String source(String name) {
        if (value(vars, name).isPresent()) {
            return "environment";
        }
        return value(file, name).isPresent() ? "file" : "default";
    }

    /** {@code e} with the file named after each setting it names whose value came from the file. */
    SettingException located(SettingException e) {
        List<String> fromFile = new ArrayList<>();
        for (String name : file.keySet()) {
            if (source(name).equals("file")
                    && Pattern.compile("\\b" + name + "\\b")
                            .matcher(e.getMessage())
                            .find()) {
                fromFile.add(name);
            }
        }
        return fromFile.isEmpty()
                ? e
                : new SettingException(
                        e.getMessage() + " (" + String.join(", ", fromFile) + " set in " + fileName + ")");
    }

    private static Optional<String> value(Map<String, String> settings, String name) {
        String v = settings.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    String require(String name, String what) {
        return get(name).orElseThrow(() -> new SettingException(name + " is not set: " + what));
    }

    /** A whole number, or {@code fallback} when the variable is not set. */
    long whole(String name, long fallback) {
        return get(name)
                .map(v -> {
                    try {
                        return Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new SettingException(name + " must be a whole number, was '" + v + "'");
                    }
                })
                .orElse(fallback);
    }

    int port(String name, int fallback) {
        return get(name).map(v -> parsePort(name, v)).orElse(fallback);
    }

    static int parsePort(String name, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the setting's name
        }
        throw new SettingException(name + " must be a port number between 0 and 65535, was '" + value + "'");
    }
}
