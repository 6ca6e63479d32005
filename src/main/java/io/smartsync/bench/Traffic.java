package io.smartsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.emulator.EmulatorStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What went to Caspio and back: calls by kind (token, fields, read, count, create, …) and 201 answers as
 * the emulator counted them, and the bytes each way as the {@link WireCounter} counted them on the wire
 * (request lines, headers and bodies). The difference of two snapshots is everything exchanged between
 * them, by every client.
 *
 * @param bytesUp bytes sent to Caspio: request lines with their URIs, headers, bodies
 * @param bytesDown bytes Caspio sent back: status lines, headers, bodies
 * @param created answers with status 201: rows that reached Caspio
 */
record Traffic(Map<String, Long> requests, long bytesUp, long bytesDown, long created) {
    static final Traffic NONE = new Traffic(Map.of(), 0, 0, 0);

    Traffic {
        requests = Map.copyOf(requests);
    }

    static Traffic of(EmulatorStats s, WireCounter.Bytes wire) {
        Map<String, Long> kinds = new TreeMap<>();
        s.requests().forEach((k, n) -> kinds.put(k.wireName(), n));
        return new Traffic(kinds, wire.up(), wire.down(), s.status(201));
    }

    /** From {@code GET /_emulator/stats}, for an emulator in its own process. */
    static Traffic of(JsonNode stats, WireCounter.Bytes wire) {
        Map<String, Long> kinds = new TreeMap<>();
        stats.path("requests")
                .properties()
                .forEach(e -> kinds.put(e.getKey(), e.getValue().asLong()));
        return new Traffic(
                kinds,
                wire.up(),
                wire.down(),
                stats.path("statuses").path("201").asLong());
    }

    long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Everything on the wire, both ways. */
    long bytes() {
        return bytesUp + bytesDown;
    }

    Traffic minus(Traffic earlier) {
        Map<String, Long> kinds = new TreeMap<>(requests);
        earlier.requests.forEach((k, n) -> kinds.merge(k, -n, Long::sum));
        kinds.values().removeIf(n -> n == 0);
        return new Traffic(kinds, bytesUp - earlier.bytesUp, bytesDown - earlier.bytesDown, created - earlier.created);
    }

    Traffic plus(Traffic other) {
        Map<String, Long> kinds = new TreeMap<>(requests);
        other.requests.forEach((k, n) -> kinds.merge(k, n, Long::sum));
        return new Traffic(kinds, bytesUp + other.bytesUp, bytesDown + other.bytesDown, created + other.created);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", totalRequests());
        m.put("bytes", bytes());
        m.put("bytesUp", bytesUp);
        m.put("bytesDown", bytesDown);
        m.put("requestsByKind", requests);
        return m;
    }
}
