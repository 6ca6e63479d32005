package io.smartsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.emulator.EmulatorStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the emulator counted: Caspio calls by kind (token, fields, read, count, create, …) and body bytes
 * each way. The difference of two snapshots is everything exchanged between them, by every client.
 *
 * @param created answers with status 201: rows that reached Caspio
 */
record Traffic(Map<String, Long> requests, long bytesIn, long bytesOut, long created) {
    static final Traffic NONE = new Traffic(Map.of(), 0, 0, 0);

    Traffic {
        requests = Map.copyOf(requests);
    }

    static Traffic of(EmulatorStats s) {
        Map<String, Long> kinds = new TreeMap<>();
        s.requests().forEach((k, n) -> kinds.put(k.wireName(), n));
        return new Traffic(kinds, s.bytesIn(), s.bytesOut(), s.status(201));
    }

    /** From {@code GET /_emulator/stats}, for an emulator in its own process. */
    static Traffic of(JsonNode stats) {
        Map<String, Long> kinds = new TreeMap<>();
        stats.path("requests")
                .properties()
                .forEach(e -> kinds.put(e.getKey(), e.getValue().asLong()));
        return new Traffic(
                kinds,
                stats.path("bytesIn").asLong(),
                stats.path("bytesOut").asLong(),
                stats.path("statuses").path("201").asLong());
    }

    long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Request and response bodies together. */
    long bytes() {
        return bytesIn + bytesOut;
    }

    Traffic minus(Traffic earlier) {
        Map<String, Long> kinds = new TreeMap<>(requests);
        earlier.requests.forEach((k, n) -> kinds.merge(k, -n, Long::sum));
        kinds.values().removeIf(n -> n == 0);
        return new Traffic(kinds, bytesIn - earlier.bytesIn, bytesOut - earlier.bytesOut, created - earlier.created);
    }

    Traffic plus(Traffic other) {
        Map<String, Long> kinds = new TreeMap<>(requests);
        other.requests.forEach((k, n) -> kinds.merge(k, n, Long::sum));
        return new Traffic(kinds, bytesIn + other.bytesIn, bytesOut + other.bytesOut, created + other.created);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", totalRequests());
        m.put("bytes", bytes());
        m.put("requestsByKind", requests);
        return m;
    }
}
