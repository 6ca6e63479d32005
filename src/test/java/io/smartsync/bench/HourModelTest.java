package io.smartsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.smartsync.bench.HourModel.Cost;
import io.smartsync.store.SyncRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HourModelTest {
    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void an_hour_is_the_visits_plus_the_idle_rate_measured_quietly_plus_what_the_changes_cost_beyond_it() {
        Workload w = workload("--minutes", "60", "--speedup", "12", "--reconcile", "24h");
        // 300 s of window: first visits 10 calls, 10 kB; background 10 polls, 20 kB (the hour's changes).
        Traffic first = traffic(10, 10_000);
        WindowRun.Result window = new WindowRun.Result(
                List.of(),
                List.of(),
                List.of(),
                first,
                Traffic.NONE,
                first.plus(traffic(10, 20_000)),
                Map.of(),
                START,
                START.plusSeconds(300),
                0,
                List.of());
        // 300 quiet seconds: 10 idle polls, 3 kB on the wire (so 1 poll per 30 s, 10 bytes a second).
        Traffic quiet = traffic(10, 3_000);
        Traffic tableCheck = traffic(2, 1_000);

        HourModel hour = HourModel.of(w, window, quiet, 300, tableCheck, 1);

        double checks = 3600.0 / (86_400 + 1);
        assertThat(hour.changesExtra()).isEqualTo(new Cost(0, 17_000));
        assertThat(hour.hour().requests()).isCloseTo(10 + 120 + 2 * checks, within(1e-9));
        assertThat(hour.hour().bytes()).isCloseTo(10_000 + 17_000 + 36_000 + 1_000 * checks, within(1e-6));
    }

    @Test
    void a_window_of_a_third_of_an_hour_counts_its_visits_and_changes_three_times() {
        Workload w = workload("--minutes", "20", "--speedup", "20", "--reconcile", "24h");
        WindowRun.Result window = new WindowRun.Result(
                List.of(),
                List.of(),
                List.of(),
                Traffic.NONE,
                traffic(0, 0),
                traffic(2, 5_000),
                Map.of(),
                START,
                START.plusSeconds(60),
                0,
                List.of());

        HourModel hour = HourModel.of(w, window, traffic(2, 600), 60, Traffic.NONE, 1);

        assertThat(hour.hour().requests()).isCloseTo(120, within(1e-9));
        assertThat(hour.hour().bytes()).isCloseTo(3 * 4_400 + 36_000, within(1e-6));
    }

    @Test
    void a_window_that_held_fewer_background_calls_than_the_idle_rate_gives_it_is_not_counted_below_idle() {
        Workload w = workload("--minutes", "60", "--reconcile", "24h");
        WindowRun.Result window = new WindowRun.Result(
                List.of(),
                List.of(),
                List.of(),
                Traffic.NONE,
                Traffic.NONE,
                traffic(1, 700),
                Map.of(),
                START,
                START.plusSeconds(15),
                0,
                List.of());

        // 20 quiet seconds held 3 calls (two polls and a delete check): the window "should" have held 2.25.
        HourModel hour = HourModel.of(w, window, traffic(3, 4_800), 20, Traffic.NONE, 1);

        assertThat(hour.changesExtra()).isEqualTo(new Cost(0, 0));
        assertThat(hour.hour().requests()).isCloseTo(540, within(1e-9));
    }

    private static Traffic traffic(long requests, long bytes) {
        return new Traffic(requests == 0 ? Map.of() : Map.of("read", requests), bytes / 4, bytes - bytes / 4, 0);
    }

    @Test
    void a_return_visits_calls_are_charged_to_the_background_only_where_a_run_of_other_work_overlapped_it() {
        Instant at = START.plusSeconds(10);
        WindowRun.CostlyVisit underPoll = new WindowRun.CostlyVisit("CL000001", at, at.plusMillis(5), traffic(1, 700));
        WindowRun.CostlyVisit alone = new WindowRun.CostlyVisit(
                "CL000002", at.plusSeconds(20), at.plusSeconds(20).plusMillis(5), traffic(2, 900));
        WindowRun.Result window = new WindowRun.Result(
                List.of(),
                List.of(),
                List.of(),
                Traffic.NONE,
                underPoll.cost().plus(alone.cost()),
                traffic(5, 3_000),
                Map.of(),
                START,
                START.plusSeconds(60),
                0,
                List.of(underPoll, alone));
        List<SyncRun> history = List.of(
                // A poll that started before the first visit and ended inside it.
                run(at.minusMillis(30), 32, "poll", null),
                // The second member's own sync during its visit is the visit's own work.
                run(at.plusSeconds(20).plusMillis(1), 3, "incremental", "CL000002"),
                // A member check that ended before the second visit began.
                run(at.plusSeconds(19), 900, "member check", null));

        WindowRun.Result moved = window.withBackgroundOverlapsMoved(history);

        assertThat(underPoll.overlappedBy(history)).containsExactly("poll");
        assertThat(alone.overlappedBy(history)).isEmpty();
        assertThat(moved.returnVisits().totalRequests()).isEqualTo(2);
        assertThat(moved.returnVisits().bytes()).isEqualTo(900);
        assertThat(moved.total()).isEqualTo(window.total());
    }

    private static SyncRun run(Instant at, long ms, String kind, String member) {
        return new SyncRun(at, ms, kind, member, 1, 0, 0, 0, 0, 0, "ok");
    }

    private static Workload workload(String... args) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.parseArgs(args);
        return ((BenchCommand) cli.getCommand()).workload();
    }
}
