package io.smartsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The benchmark harness end to end at a tiny size: emulator, traditional endpoint, the service in its own
 * JVM. Checks that every figure is written; never how fast anything was. One size only, to stay fast: the
 * tenfold run is the same code with more members.
 */
class BenchSmokeTest {
    private static final List<String> WINDOW = List.of(
            "selection.firstVisit.p50Ms",
            "selection.firstVisit.p95Ms",
            "selection.firstVisit.p99Ms",
            "selection.returnVisit.p50Ms",
            "selection.returnVisit.p95Ms",
            "selection.returnVisit.p99Ms",
            "selection.returnVisit.floorP50Ms",
            "caspio.perFirstVisit.requests",
            "caspio.perFirstVisit.bytes",
            "caspio.perReturnVisit.requests",
            "caspio.perReturnVisit.bytes",
            "caspio.perReturnVisitOwn.requests",
            "caspio.perReturnVisitOwn.bytes",
            "caspio.perHour.requests",
            "caspio.perHour.bytes");
    private static final List<String> INITIAL_AND_MEMORY = List.of(
            "initialSync.notes",
            "initialSync.seconds",
            "initialSync.preload.notesPerSecond",
            "initialSync.preload.bytesPerNote",
            "initialSync.requests",
            "initialSync.idealRequests",
            "initialSync.perMember.notesPerSecond",
            "initialSync.perMember.requests",
            "initialSync.perMember.bytes",
            "memory.preload.peakHeapMiB",
            "memory.preload.peakRssMiB",
            "memory.peakHeapMiB",
            "memory.maxLiveHeapMiB",
            "memory.peakRssMiB");
    private static final List<String> PUSH = List.of(
            "push.accepted.p50Ms",
            "push.timeToCaspio.p50Ms",
            "push.backlog.notes",
            "push.backlog.notesPerSecond",
            "push.offline.notesPerSecond",
            "push.offline.drainSeconds");
    private static final List<String> READS = List.of(
            "reads.sqlite.openLoop.p50Ms",
            "reads.sqlite.openLoop.p99Ms",
            "reads.sqlite.openLoop.maxMs",
            "reads.sqlite.openLoop.errors",
            "reads.sqlite.saturated.readsPerSecond",
            "reads.sqlite.saturated.p99Ms",
            "reads.postgresql.openLoop.p99Ms",
            "reads.postgresql.openLoop.errors",
            "reads.postgresql.saturated.readsPerSecond");
    private static final String POSTGRES = System.getenv()
            .getOrDefault("SMARTSYNC_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    @TempDir
    Path out;

    @Test
    void a_tiny_bench_writes_every_figure_for_both_approaches() throws Exception {
        StringWriter console = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(console, true));

        int status = cli.execute(
                "--members",
                "12",
                "--notes-per-member",
                "4",
                "--members-per-hour",
                "120",
                "--returns",
                "2",
                "--minutes",
                "1",
                "--speedup",
                "60",
                "--poll",
                "1s",
                "--reconcile",
                "3s",
                "--push-lease",
                "2s",
                "--latency",
                "5ms",
                "--backlog",
                "3",
                "--push-samples",
                "2",
                "--initial-members",
                "6",
                "--parallelism",
                "2",
                "--scale",
                "0",
                "--member-check",
                "2s",
                "--read-rate",
                "50",
                "--read-seconds",
                "1",
                "--read-clients",
                "2",
                "--saturated-seconds",
                "1",
                "--postgres-url",
                POSTGRES,
                "--no-progress",
                "--out",
                out.toString());

        assertThat(status).as(console.toString()).isZero();
        JsonNode results =
                new ObjectMapper().readTree(out.resolve("results.json").toFile());
        List<String> base = new ArrayList<>(WINDOW);
        base.addAll(INITIAL_AND_MEMORY);
        base.addAll(PUSH);
        base.addAll(READS);
        assertThat(names(results.path("runs").path("1x").path("figures"))).containsAll(base);
        assertThat(names(results.path("runs"))).containsExactly("1x"); // a second, larger run only with --scale
        assertThat(results.path("runs")
                        .path("1x")
                        .path("figures")
                        .path("selection.returnVisit.p50Ms")
                        .has("smartSync"))
                .isTrue();
        assertThat(results.path("targets").isArray()).isTrue();
        assertThat(results.path("targets").toString())
                .contains("return visit p99", "per hour", "open loop", "PostgreSQL saturated", "offline backlog");
        assertThat(Files.readString(out.resolve("results.md"))).contains("| Figure |");
        assertThat(Files.size(out.resolve("chart.png"))).isPositive();
        assertThat(console.toString()).contains("return visit, p50");
    }

    @Test
    void a_bench_against_an_emulator_of_its_own_preloads_the_whole_table() throws Exception {
        try (CaspioEmulator emulator = CaspioEmulator.start(EmulatorConfig.defaults(out.resolve("emulator"))
                .withPort(0)
                .withMembers(30)
                .withNotesPerMember(40))) {
            StringWriter console = new StringWriter();
            CommandLine cli = new CommandLine(new BenchCommand());
            cli.setOut(new PrintWriter(console, true));

            int status = cli.execute(
                    "--emulator",
                    emulator.baseUri().toString(),
                    "--members",
                    "30",
                    "--no-progress",
                    "--out",
                    out.resolve("results").toString());

            assertThat(status).as(console.toString()).isZero();
            JsonNode run = new ObjectMapper()
                    .readTree(out.resolve("results").resolve("results.json").toFile())
                    .path("runs")
                    .path("external");
            long notes = emulator.rows(CaspioEmulator.NOTES_TABLE).size();
            assertThat(run.path("figures")
                            .path("initialSync.notes")
                            .path("smartSync")
                            .asLong())
                    .isEqualTo(notes);
            long pages = notes / 1000 + 1;
            assertThat(run.path("figures")
                            .path("initialSync.requests")
                            .path("smartSync")
                            .asLong())
                    .as("a count, the pages and one read after the last")
                    .isEqualTo(pages + 2);
            assertThat(run.path("figures").path("memory.peakRssMiB").has("smartSync"))
                    .isTrue();
            assertThat(console.toString()).contains("preload vs traditional member-by-member load: throughput");
        }
    }

    private static List<String> names(JsonNode figures) {
        List<String> names = new ArrayList<>();
        figures.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
