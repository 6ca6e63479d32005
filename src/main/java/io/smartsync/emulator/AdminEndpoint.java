package io.smartsync.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulator's own routes under {@code /_emulator}: faults and stats, for people and test scripts.
 * No Caspio token and no faults, since the server listens on loopback only.
 */
final class AdminEndpoint {

    private final FaultInjector faults;
    private final StatsCounters stats;
    private final LateCommits late;

    AdminEndpoint(FaultInjector faults, StatsCounters stats, LateCommits late) {
        this.faults = faults;
        this.stats = stats;
        this.late = late;
    }

    void getFaults(Context ctx) {
        Responses.json(ctx, 200, faultsJson());
    }

    /** Body {@code {"spec":"latency=80ms,…","seed":7}}; the seed is optional and kept when left out. */
    void putFaults(Context ctx) {
        JsonNode body;
        try {
            body = ctx.body().isBlank() ? null : Responses.JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw CaspioApiException.badBody("The body is not valid JSON; send {\"spec\":\"latency=80ms,…\"}.");
        }
        if (body == null || !body.isObject() || !body.path("spec").isTextual()) {
            throw CaspioApiException.badBody("Send {\"spec\":\"latency=80ms,…\"} (and optionally \"seed\": n).");
        }
        JsonNode seed = body.get("seed");
        if (seed != null && !seed.isNull() && !(seed.isIntegralNumber() && seed.canConvertToLong())) {
            throw CaspioApiException.badBody("seed must be a whole number.");
        }
        FaultConfig config;
        try {
            config = FaultConfig.parse(body.get("spec").textValue());
        } catch (IllegalArgumentException e) {
            throw CaspioApiException.badBody(e.getMessage());
        }
        faults.configure(config, seed == null || seed.isNull() ? faults.seed() : seed.longValue());
        Responses.json(ctx, 200, faultsJson());
    }

    void stats(Context ctx) {
        Responses.json(ctx, 200, stats.snapshot().toJson());
    }

    /** Zeroes the stats and clears every fault, queued ones and pending late commits included. */
    void reset(Context ctx) {
        faults.clear();
        late.clear();
        stats.reset();
        Responses.json(ctx, 200, faultsJson());
    }

    private Map<String, Object> faultsJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("spec", faults.config().spec());
        json.put("seed", faults.seed());
        return json;
    }
}
