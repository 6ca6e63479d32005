package io.smartsync.emulator;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an emulator has answered since it started or since its stats were last reset: a snapshot, taken
 * by {@link CaspioEmulator#stats()}. Only Caspio calls count; {@code /_emulator/*} calls do not.
 *
 * @param requests calls by kind, every kind present
 * @param statuses HTTP statuses answered, by code; a connection cut after commit answers none
 * @param bytesIn request body bytes received
 * @param bytesOut response body bytes sent
 * @param rowsReturned records in the {@code Result} of answers (not counts)
 * @param faults faults injected, by type, every type present
 * @param injectedDelay the sum of the latency and jitter waited
 * @param uriBytes the length of the request URIs received, scheme, host and query included
 */
public record EmulatorStats(
        Map<Kind, Long> requests,
        Map<Integer, Long> statuses,
        long bytesIn,
        long bytesOut,
        long rowsReturned,
        Map<Fault, Long> faults,
        Duration injectedDelay,
        long uriBytes) {

    /** The kinds of Caspio call, named on the wire as {@link #wireName()}. */
    public enum Kind {
        TOKEN("token"),
        TABLES("tables"),
        FIELDS("fields"),
        ADD_FIELD("addField"),
        READ("read"),
        COUNT("count"),
        CREATE("create"),
        UPDATE("update"),
        DELETE("delete"),
        OTHER("other");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        boolean recordWrite() {
            return this == CREATE || this == UPDATE || this == DELETE;
        }
    }

    /** The injected faults, named on the wire as their {@link FaultConfig#parse} keys. */
    public enum Fault {
        LATENCY(FaultSpec.LATENCY),
        ERROR_5XX(FaultSpec.ERROR_5XX),
        THROTTLE_429(FaultSpec.THROTTLE_429),
        DROP_AFTER_COMMIT(FaultSpec.DROP_AFTER_COMMIT),
        TOKEN_EXPIRY(FaultSpec.TOKEN_EXPIRY),
        LATE_COMMIT(FaultSpec.LATE_COMMIT);

        private final String wireName;

        Fault(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public EmulatorStats {
        requests = Collections.unmodifiableMap(new EnumMap<>(requests));
        statuses = Collections.unmodifiableMap(new TreeMap<>(statuses));
        faults = Collections.unmodifiableMap(new EnumMap<>(faults));
    }

    public long requests(Kind kind) {
        return requests.getOrDefault(kind, 0L);
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many answers had this status. */
    public long status(int code) {
        return statuses.getOrDefault(code, 0L);
    }

    public long faults(Fault fault) {
        return faults.getOrDefault(fault, 0L);
    }

    /** The JSON shape {@code GET /_emulator/stats} answers. */
    Map<String, Object> toJson() {
        Map<String, Object> kinds = new LinkedHashMap<>();
        requests.forEach((k, n) -> kinds.put(k.wireName(), n));
        Map<String, Object> codes = new LinkedHashMap<>();
        statuses.forEach((code, n) -> codes.put(Integer.toString(code), n));
        Map<String, Object> injected = new LinkedHashMap<>();
        faults.forEach((f, n) -> injected.put(f.wireName(), n));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests", kinds);
        json.put("statuses", codes);
        json.put("bytesIn", bytesIn);
        json.put("bytesOut", bytesOut);
        json.put("uriBytes", uriBytes);
        json.put("rowsReturned", rowsReturned);
        json.put("faults", injected);
        json.put("injectedDelayMs", injectedDelay.toMillis());
        return json;
    }
}
