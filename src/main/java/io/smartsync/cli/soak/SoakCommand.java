package io.smartsync.cli.soak;

import io.smartsync.store.StoreLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smartsync soak}: a long run of random writes, faults and SIGKILLs, judged at the end. Prints one
 * JSON line last and exits 1 when a note was lost, duplicated or resurrected, a member differs, or an entry
 * was parked.
 */
@Command(
        name = "soak",
        header = "Kills services under faults; checks nothing is lost.",
        mixinStandardHelpOptions = true,
        description = "Runs services against a faulty emulator with random writes and SIGKILLs, lets them drain,"
                + " and compares the store with Caspio. Prints one JSON line last; exit 1 if anything was lost,"
                + " duplicated, resurrected, left different or parked.")
public final class SoakCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--ops", defaultValue = "1000", description = "Random operations (default ${DEFAULT-VALUE}).")
    int ops;

    @Option(
            names = "--kills",
            defaultValue = "10",
            description = "SIGKILLs of a service process, each restarted at once (default ${DEFAULT-VALUE}).")
    int kills;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Seeds the workload and the faults (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--db",
            description = "A PostgreSQL JDBC URL; the run makes a schema of its own there (dropped when the run is"
                    + " clean). Without it, one instance on a SQLite file.")
    String db;

    @Option(
            names = "--instances",
            defaultValue = "1",
            description = "Service processes sharing the store; more than 1 needs --db (default ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--members", defaultValue = "8", description = "Members written to (default ${DEFAULT-VALUE}).")
    int members;

    @Option(
            names = "--drain-seconds",
            defaultValue = "180",
            description = "How long the loops get to settle once the faults stop (default ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(
            names = "--dir",
            description =
                    "Where the emulator, the services' data and their logs go (default: a new temporary directory).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (instances > 1 && db == null) {
            err.println("smartsync: soak: --instances " + instances + " needs --db (a PostgreSQL URL)");
            return 2;
        }
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("smartsync-soak-");
        String schema = "soak_" + Long.toUnsignedString(seed) + "_" + System.currentTimeMillis();
        StoreLocation store = db == null ? null : StoreLocation.postgres(createSchema(db, schema));
        err.println("soak: " + ops + " ops, " + kills + " kills, seed " + seed + ", " + instances + " instance(s) on "
                + (store == null ? "SQLite" : "PostgreSQL schema " + schema) + "; files in " + work);
        err.flush();
        SoakReport report = new Soak(
                        new Soak.Plan(
                                ops, kills, seed, store, instances, members, work, Duration.ofSeconds(drainSeconds)),
                        err)
                .run();
        report.problems().forEach(p -> err.println("soak: " + p));
        if (store != null && report.clean()) {
            execute(db, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } else if (store != null) {
            err.println("soak: the store is kept in schema " + schema);
        }
        err.flush();
        out.println(report.toJson());
        out.flush();
        return report.clean() ? 0 : 1;
    }

    /** The URL of a new, empty schema on the server {@code url} names. */
    private static String createSchema(String url, String schema) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db must be a jdbc:postgresql: URL");
        }
        execute(url, "CREATE SCHEMA " + schema);
        String base = url.replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("soak: " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
