package io.smartsync.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** The live counters behind {@link EmulatorStats}. Thread-safe: every counter is a {@link LongAdder}. */
final class StatsCounters {

    private final Map<EmulatorStats.Kind, LongAdder> requests = new EnumMap<>(EmulatorStats.Kind.class);
    private final Map<EmulatorStats.Fault, LongAdder> faults = new EnumMap<>(EmulatorStats.Fault.class);
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder uriBytes = new LongAdder();
    private final LongAdder rowsReturned = new LongAdder();
    private final LongAdder delayNanos = new LongAdder();
    private volatile Consumer<String> requestSeen = request -> {};

    StatsCounters() {
        // Filled once and never resized, so the EnumMaps are safe to read from any thread.
        for (EmulatorStats.Kind kind : EmulatorStats.Kind.values()) {
            requests.put(kind, new LongAdder());
        }
        for (EmulatorStats.Fault fault : EmulatorStats.Fault.values()) {
            faults.put(fault, new LongAdder());
        }
    }

    void request(EmulatorStats.Kind kind, long bodyBytes, long uriLength) {
        requests.get(kind).increment();
        bytesIn.add(bodyBytes);
        uriBytes.add(uriLength);
    }

    /** Tells the listener of {@link CaspioEmulator#onRequest} about a Caspio call. */
    void seen(String method, String query) {
        requestSeen.accept(method + " " + (query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8)));
    }

    void onRequest(Consumer<String> listener) {
        this.requestSeen = listener;
    }

    void answered(int status, long bodyBytes) {
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        bytesOut.add(bodyBytes);
    }

    void rows(int count) {
        rowsReturned.add(count);
    }

    void fault(EmulatorStats.Fault fault) {
        faults.get(fault).increment();
    }

    void delayed(Duration delay) {
        delayNanos.add(delay.toNanos());
        fault(EmulatorStats.Fault.LATENCY);
    }

    EmulatorStats snapshot() {
        Map<EmulatorStats.Kind, Long> kinds = new EnumMap<>(EmulatorStats.Kind.class);
        requests.forEach((k, n) -> kinds.put(k, n.sum()));
        Map<Integer, Long> codes = new TreeMap<>();
        statuses.forEach((code, n) -> codes.put(code, n.sum()));
        Map<EmulatorStats.Fault, Long> injected = new EnumMap<>(EmulatorStats.Fault.class);
        faults.forEach((f, n) -> injected.put(f, n.sum()));
        return new EmulatorStats(
                kinds,
                codes,
                bytesIn.sum(),
                bytesOut.sum(),
                rowsReturned.sum(),
                injected,
                Duration.ofNanos(delayNanos.sum()),
                uriBytes.sum());
    }

    void reset() {
        requests.values().forEach(LongAdder::reset);
        faults.values().forEach(LongAdder::reset);
        statuses.clear();
        bytesIn.reset();
        bytesOut.reset();
        uriBytes.reset();
        rowsReturned.reset();
        delayNanos.reset();
    }
}
