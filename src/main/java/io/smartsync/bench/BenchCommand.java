package io.smartsync.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.smartsync.bench.Figures.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        header = "Measures the traditional approach against Smart Sync.",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one workload against the traditional approach (every note of a member fetched from Caspio on",
            "each visit) and against Smart Sync, on the same emulator with the same latency; prints a table and",
            "writes results.json, results.md and chart.png. See BENCHMARKS.md for the workload and the figures."
        })
public final class BenchCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("^(\\d+)(us|ms|s|m|h)?$");

    @Spec
    CommandSpec spec;

    @Option(
            names = "--quick",
            description =
                    "A few minutes: 100 members, 3 minutes of visits, a 10 s poll and lease, a 20 s member check, a"
                            + " 30-note backlog, 10 s of open-loop reads and 5 s saturated on each store.")
    boolean quick;

    @Option(names = "--members", description = "Members in the table (default 2000; quick 100).")
    Integer members;

    @Option(names = "--notes-per-member", description = "Average notes per member, each 0 to twice this (default 30).")
    Integer notesPerMember;

    @Option(
            names = "--latency",
            defaultValue = "80ms",
            description = "Every Caspio call waits this long (default ${DEFAULT-VALUE}).")
    String latency;

    @Option(
            names = "--change-rate",
            defaultValue = "0.01",
            description = "Share of notes created or changed in Caspio per day (default ${DEFAULT-VALUE}).")
    double changeRate;

    @Option(names = "--members-per-hour", description = "Distinct members staff pick in an hour (default 200).")
    Integer membersPerHour;

    @Option(
            names = "--returns",
            defaultValue = "3",
            description = "How often staff come back to each, on average (default ${DEFAULT-VALUE}).")
    int returns;

    @Option(names = "--poll", description = "The service's poll interval (default 30s, the service's own; quick 10s).")
    String poll;

    @Option(
            names = "--reconcile",
            defaultValue = "24h",
            description =
                    "How often the service lists the keys of the members it stores, the table's when they are most of it (default ${DEFAULT-VALUE}).")
    String reconcile;

    @Option(
            names = "--member-check",
            description =
                    "How often the service checks the members stored here for deletes, in real time (default 5m, the service's own; quick 20s).")
    String memberCheck;

    @Option(
            names = "--push-concurrency",
            defaultValue = "0",
            description =
                    "The service's SMARTSYNC_PUSH_CONCURRENCY; 0 leaves the service's default (default ${DEFAULT-VALUE}).")
    int pushConcurrency;

    @Option(
            names = "--read-rate",
            defaultValue = "200",
            description = "Open-loop member reads a second in the reads phase (default ${DEFAULT-VALUE}).")
    int readRate;

    @Option(names = "--read-seconds", description = "Length of the open loop (default 60; quick 10).")
    Integer readSeconds;

    @Option(
            names = "--read-clients",
            defaultValue = "16",
            description = "Callers in the saturated reads run (default ${DEFAULT-VALUE}).")
    int readClients;

    @Option(names = "--saturated-seconds", description = "Length of the saturated reads run (default 30; quick 5).")
    Integer saturatedSeconds;

    @Option(
            names = "--postgres-url",
            description =
                    "PostgreSQL for the reads phase; the bench makes a schema of its own there and drops it after;"
                            + " none skips it [SMARTSYNC_TEST_POSTGRES_URL] (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres).")
    String postgresUrl;

    @Option(
            names = "--push-lease",
            description = "The service's outbox lease (default 2m, the service's own; quick 10s).")
    String pushLease;

    @Option(
            names = "--minutes",
            description = "Minutes of staff visits played; per-hour figures scale from them (default 60; quick 3).")
    Integer minutes;

    @Option(
            names = "--speedup",
            defaultValue = "12",
            description = "How many times faster than real time the visits are played (default ${DEFAULT-VALUE}).")
    double speedup;

    @Option(
            names = "--backlog",
            description = "Notes written while Caspio is down, then pushed (default 1000; quick 30).")
    Integer backlog;

    @Option(
            names = "--push-samples",
            description = "Notes written online one by one, timed to Caspio (default 20; quick 5).")
    Integer pushSamples;

    @Option(
            names = "--initial-members",
            description =
                    "At most this many members in the member-by-member initial-sync run; 0: all not visited (default 2000; quick 30).")
    Integer initialMembers;

    @Option(
            names = "--scale",
            defaultValue = "10",
            description = "The second run has this many times the members; 0 or 1 skips it (default ${DEFAULT-VALUE}).")
    int scale;

    @Option(
            names = "--parallelism",
            defaultValue = "4",
            description = "Members synced at once in the initial-sync run (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seeds the table, the visits and the changes (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--service-heap",
            defaultValue = "256m",
            description = "-Xmx of the service's JVM (default ${DEFAULT-VALUE}).")
    String serviceHeap;

    @Option(
            names = "--emulator",
            description =
                    "Use the emulator already running at this URL (its own process); measures the preload of its whole table only.")
    URI emulator;

    @Option(
            names = "--out",
            defaultValue = "bench-results",
            description = "Where results go (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--keep-data", description = "Keep the emulator's and the service's databases under DIR/work.")
    boolean keepData;

    @Option(names = "--no-progress", description = "No progress bar on stderr.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        Workload w = workload();
        PrintWriter console = spec.commandLine().getOut();
        String command = "smartsync bench "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        console.println(
                emulator == null
                        ? banner(w)
                        : "bench: preload of the whole table from the emulator at " + emulator
                                + " by a service with -Xmx" + w.serviceHeap() + " (POST /api/sync/preload)");
        console.flush();
        System.setProperty("java.awt.headless", "true");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        root.setLevel(Level.WARN); // the emulator in this JVM would otherwise talk over the progress bar
        Progress progress = new Progress(noProgress ? null : System.err);
        Path work = out.resolve("work");
        List<RunReport> runs = new ArrayList<>();
        try {
            if (emulator != null) {
                runs.add(Figures.of(ScaleRun.external("external", w, emulator, work.resolve("external"), progress)));
            } else {
                runs.add(Figures.of(ScaleRun.inProcess("1x", w, work.resolve("1x"), true, reads(), progress)));
                if (scale > 1) {
                    Workload big = w.withMembers(w.members() * scale);
                    String label = scale + "x";
                    runs.add(Figures.of(ScaleRun.inProcess(label, big, work.resolve(label), false, null, progress)));
                }
            }
        } finally {
            progress.finish();
            root.setLevel(level);
            if (!keepData) {
                delete(work);
            }
        }
        Map<String, Object> json = Report.json(command, w, runs);
        Report.write(out, json, runs);
        Chart.write(out.resolve("chart.png"), runs);
        Report.print(console, runs);
        console.println();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> targets = (List<Map<String, Object>>) json.get("targets");
        targets.forEach(t -> console.println(t.get("text")));
        console.println();
        console.println("Wrote " + out.resolve("results.json") + ", " + out.resolve("results.md") + " and "
                + out.resolve("chart.png"));
        console.flush();
        return 0;
    }

    Workload workload() {
        try {
            return new Workload(
                    members != null ? members : quick ? 100 : 2000,
                    notesPerMember != null ? notesPerMember : 30,
                    duration("--latency", latency),
                    changeRate,
                    membersPerHour != null ? membersPerHour : 200,
                    returns,
                    duration("--poll", poll != null ? poll : quick ? "10s" : "30s"),
                    duration("--reconcile", reconcile),
                    duration("--member-check", memberCheck != null ? memberCheck : quick ? "20s" : "5m"),
                    duration("--push-lease", pushLease != null ? pushLease : quick ? "10s" : "2m"),
                    minutes != null ? minutes : quick ? 3 : 60,
                    speedup,
                    backlog != null ? backlog : quick ? 30 : 1000,
                    pushSamples != null ? pushSamples : quick ? 5 : 20,
                    scale,
                    initialMembers != null ? initialMembers : quick ? 30 : 2000,
                    parallelism,
                    pushConcurrency,
                    seed,
                    serviceHeap);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    ReadsPhase.Settings reads() {
        String pg = postgresUrl != null
                ? postgresUrl
                : System.getenv()
                        .getOrDefault(
                                "SMARTSYNC_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        try {
            return new ReadsPhase.Settings(
                    readRate,
                    Duration.ofSeconds(readSeconds != null ? readSeconds : quick ? 10 : 60),
                    readClients,
                    Duration.ofSeconds(saturatedSeconds != null ? saturatedSeconds : quick ? 5 : 30),
                    pg.equals("none") ? "" : pg);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static String banner(Workload w) {
        return String.format(
                Locale.ROOT,
                "bench: %,d members × %d notes on average, %d ms latency, %s%% of notes changed a day;"
                        + " staff pick %d members an hour and come back about %d times each;"
                        + " %d minutes of visits played in %s s (×%s); the service polls every %d s and"
                        + " lists the table's keys every %d s, in real time",
                w.members(),
                w.notesPerMember(),
                w.latency().toMillis(),
                Figure.number(w.changeRate() * 100),
                w.membersPerHour(),
                w.returnsPerMember(),
                w.minutes(),
                Figure.number(w.windowReal().toMillis() / 1000.0),
                Figure.number(w.speedup()),
                w.pollInterval().toSeconds(),
                w.reconcileInterval().toSeconds());
    }

    private static Duration duration(String flag, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(flag + " must be a whole number with us, ms, s, m or h, was " + text);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "us" -> Duration.ofNanos(n * 1000);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMillis(n);
        };
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
