package io.smartsync.cli;

import java.util.Map;
import java.util.Optional;

/** Reads settings from the environment (a map, so tests can hand one in), naming the variable on error. */
final class Env {
    private final Map<String, String> vars;

    Env(Map<String, String> vars) {
        this.vars = vars;
    }

    Optional<String> get(String name) {
        String v = vars.get(name);
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
