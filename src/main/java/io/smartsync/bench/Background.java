package io.smartsync.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the service costs on the wire with nobody using it, measured right after the window: a quiet
 * stretch with no visits and no changes in Caspio (at least the window's real length, two polls and one
 * member check), then one timed table check ({@code POST /api/sync/force {}}: a poll and a table
 * reconcile), so the hour's table reconciles are counted at a measured cost however short the window.
 *
 * @param quiet everything on the wire during the quiet stretch
 * @param quietSeconds its length on the bench's clock
 * @param tableCheck everything on the wire during the table check
 * @param tableCheckSeconds the table check's answer time
 */
record Background(Traffic quiet, double quietSeconds, Traffic tableCheck, double tableCheckSeconds) {

    static Background measure(String label, Workload w, CaspioSide caspio, AppClient service, Progress p) {
        Duration length = max(w.windowReal(), w.pollInterval().multipliedBy(2), w.memberCheck());
        p.stage(label + ": smart sync, " + length.toSeconds() + " s with nobody using it", 1);
        Traffic before = caspio.traffic();
        long started = System.nanoTime();
        ScaleRun.sleepUntil(Instant.now().plus(length));
        Traffic quiet = caspio.traffic().minus(before);
        double quietSeconds = (System.nanoTime() - started) / 1e9;
        p.step();
        p.stage(label + ": smart sync, table reconcile", 1);
        before = caspio.traffic();
        AppClient.Answer force = service.forceTable();
        Traffic check = caspio.traffic().minus(before);
        p.step();
        if (!force.ok()) {
            throw new IllegalStateException("POST /api/sync/force answered " + force.status() + " " + force.error());
        }
        return new Background(quiet, quietSeconds, check, force.nanos() / 1e9);
    }

    private static Duration max(Duration... all) {
        Duration m = Duration.ZERO;
        for (Duration d : all) {
            m = d.compareTo(m) > 0 ? d : m;
        }
        return m;
    }

    Map<String, Object> toJson() {
        return Map.of(
                "quietSeconds",
                quietSeconds,
                "quiet",
                quiet.toJson(),
                "tableCheckSeconds",
                tableCheckSeconds,
                "tableCheck",
                tableCheck.toJson());
    }
}
