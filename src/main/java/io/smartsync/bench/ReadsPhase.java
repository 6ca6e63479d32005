package io.smartsync.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reads phase: member reads of members already stored, on one service instance, an open loop at a
 * fixed rate then a saturated run, on the service's SQLite file and on a PostgreSQL schema of its own
 * (made for the run and dropped after it).
 */
final class ReadsPhase {

    /**
     * @param rate open-loop reads a second
     * @param openLoop how long the open loop runs
     * @param clients callers in the saturated run
     * @param saturated how long the saturated run lasts
     * @param postgresUrl a JDBC URL of a PostgreSQL database the bench may make a schema in; blank skips it
     */
    record Settings(int rate, Duration openLoop, int clients, Duration saturated, String postgresUrl) {
        Settings {
            if (rate <= 0 || clients <= 0 || openLoop.isNegative() || saturated.isNegative()) {
                throw new IllegalArgumentException(
                        "--read-rate and --read-clients must be positive, --read-seconds and --saturated-seconds 0 or more");
            }
        }
    }

    private ReadsPhase() {}

    static List<ReadsRun.Result> run(
            String store, AppClient service, CaspioSide caspio, List<String> members, Settings s, Progress p) {
        p.stage("reads on " + store + ": open loop at " + s.rate() + "/s, then " + s.clients() + " clients", 2);
        ReadsRun.Result open = ReadsRun.openLoop(store, service::select, members, s.rate(), s.openLoop(), caspio);
        p.step();
        ReadsRun.Result saturated =
                ReadsRun.saturated(store, service::select, members, s.clients(), s.saturated(), caspio);
        p.step();
        return List.of(open, saturated);
    }

    /** A service on a PostgreSQL schema of its own: the members loaded, the poll caught up, then the reads. */
    static List<ReadsRun.Result> postgres(
            Path dir, CaspioSide caspio, Workload w, List<String> members, Settings s, Progress p) {
        String schema = "bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        String url = s.postgresUrl() + (s.postgresUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        sql(s.postgresUrl(), "CREATE SCHEMA " + schema);
        try {
            caspio.faults("");
            p.stage("reads on PostgreSQL: starting a service", 1);
            try (ServiceJvm svc = ServiceJvm.start(dir, caspio.baseUri(), w, Map.of("SMARTSYNC_DB", url));
                    AppClient pg = new AppClient(svc.port(), svc.key())) {
                Instant started = Instant.now();
                p.step();
                p.stage("reads on PostgreSQL: loading the members", members.size());
                InitialSync.run(members, w.parallelism(), pg::select, pg::initialSyncDone, caspio, p);
                ScaleRun.sleepUntil(started.plus(w.pollInterval()).plusSeconds(3));
                caspio.faults(w.latencySpec());
                return run("PostgreSQL", pg, caspio, members, s, p);
            }
        } finally {
            sql(s.postgresUrl(), "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** Smart Sync's figures of each reads run (the traditional app has no local reads to compare). */
    static void figures(List<ReadsRun.Result> runs, List<Figure> f, Map<String, Object> details) {
        for (ReadsRun.Result r : runs) {
            String store = r.store().toLowerCase(Locale.ROOT);
            boolean open = r.clients() == 1;
            String key = "reads." + store + (open ? ".openLoop" : ".saturated");
            String what = r.store() + " reads, " + (open ? r.mode() : r.clients() + " clients saturating") + ": ";
            if (!open) {
                f.add(smart(key + ".readsPerSecond", what + "member reads/s", "reads/s", r.readsPerSecond()));
            }
            f.add(smart(key + ".p50Ms", what + "p50", "ms", Figure.percentile(r.latenciesMs(), 50)));
            f.add(smart(key + ".p99Ms", what + "p99", "ms", Figure.percentile(r.latenciesMs(), 99)));
            f.add(smart(key + ".maxMs", what + "max", "ms", Figure.percentile(r.latenciesMs(), 100)));
            f.add(smart(key + ".errors", what + "errors", "reads", (double) r.errorCount()));
        }
        if (!runs.isEmpty()) {
            details.put("reads", runs.stream().map(ReadsRun.Result::toJson).toList());
        }
    }

    private static Figure smart(String key, String label, String unit, Double value) {
        return new Figure(key, label, unit, null, value, Figure.Compare.NONE);
    }

    private static void sql(String url, String statement) {
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at --postgres-url: " + statement + " failed: " + e.getMessage(), e);
        }
    }
}
