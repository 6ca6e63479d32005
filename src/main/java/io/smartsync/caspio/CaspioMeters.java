package io.smartsync.caspio;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts what the client costs: requests, bytes each way and rows, by kind of call. Thread-safe. */
final class CaspioMeters {
    private final MeterRegistry registry;

    CaspioMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void request(String kind, int status, long bytesOut, long bytesIn) {
        Tally.request(bytesOut, bytesIn);
        Counter.builder("caspio.requests")
                .description("HTTP requests sent to Caspio")
                .tag("kind", kind)
                .tag("status", status == 0 ? "none" : (status / 100) + "xx")
                .register(registry)
                .increment();
        Counter.builder("caspio.bytes.sent")
                .tag("kind", kind)
                .baseUnit("bytes")
                .register(registry)
                .increment(bytesOut);
        Counter.builder("caspio.bytes.received")
                .tag("kind", kind)
                .baseUnit("bytes")
                .register(registry)
                .increment(bytesIn);
    }

    void rows(String kind, int rows) {
        Tally.rows(rows);
        Counter.builder("caspio.rows")
                .description("rows Caspio answered with")
                .tag("kind", kind)
                .register(registry)
                .increment(rows);
    }
}
