package io.smartsync.bench;

import io.smartsync.store.SyncRun;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One run of the workload: a fresh emulator seeded with its table, then the traditional approach, then
 * the service in its own JVM, each through its HTTP API, with the same plan and the same latency.
 */
final class ScaleRun {
    private ScaleRun() {}

    /**
     * Both approaches against an emulator in this JVM, both through its counted wire.
     *
     * @param withPush also measure writes (they do not depend on the table's size, so once is enough)
     * @param reads the reads phase's settings, or null to skip it (once is enough too)
     */
    static Measured inProcess(
            String label, Workload w, Path dir, boolean withPush, ReadsPhase.Settings reads, Progress p) {
        p.stage(label + ": seeding the emulator", 1);
        try (InProcessCaspio caspio = InProcessCaspio.start(dir.resolve("emulator"), w);
                TraditionalApp app = TraditionalApp.start(caspio.baseUri());
                AppClient traditional = new AppClient(app.port(), null)) {
            p.step();
            long notes = app.count();
            Plan plan = Plan.draw(w, notes, new Random(w.seed()));
            Stage s = new Stage(label, w, caspio, plan, sample(plan.unvisited(w.members()), w.initialMembers()), p);
            Traditional t = traditional(s, app, traditional, withPush);
            caspio.faults("");
            return smart(s, dir, withPush, reads, notes, t);
        }
    }

    /** What the two approaches share: the run's label, workload, emulator, plan and the members loaded first. */
    private record Stage(
            String label, Workload w, InProcessCaspio caspio, Plan plan, List<String> others, Progress p) {}

    /** The traditional approach's figures. */
    private record Traditional(InitialSync.Result init, WindowRun.Result window, PushRun.Result push) {}

    private static Traditional traditional(Stage s, TraditionalApp app, AppClient client, boolean withPush) {
        s.p().stage(s.label() + ": traditional, load members", s.others().size());
        InitialSync.Result init =
                InitialSync.run(s.others(), s.w().parallelism(), client::select, m -> true, s.caspio(), s.p());
        s.caspio().faults(s.w().latencySpec());
        s.p().stage(
                        s.label() + ": traditional, " + s.w().minutes() + " min of visits",
                        s.plan().visits());
        WindowRun.Result window = WindowRun.play(s.plan(), s.caspio(), client::select, null, s.w(), false, s.p());
        PushRun.Result push = withPush ? PushRun.direct(app, Plan.memberId(1), s.w().pushSamples()) : null;
        return new Traditional(init, window, push);
    }

    private static Measured smart(
            Stage s, Path dir, boolean withPush, ReadsPhase.Settings reads, long notes, Traditional t) {
        String label = s.label();
        Workload w = s.w();
        InProcessCaspio caspio = s.caspio();
        Progress p = s.p();
        MemberByMember init = memberByMember(s, dir.resolve("initial"));
        p.stage(label + ": starting the service", 1);
        try (ServiceJvm svc = ServiceJvm.start(dir.resolve("service"), caspio.baseUri(), w, Map.of());
                AppClient smart = new AppClient(svc.port(), svc.key())) {
            Instant started = Instant.now();
            p.step();
            // The poll keeps members fresh once its second run is done (the first finds where the table
            // ends): a service that has run a while, as in production, not one just started. The preload
            // of the table by a fresh service of its own is timed meanwhile, while this one idles.
            PreloadRun.Result preload = PreloadRun.run(label, dir.resolve("preload"), caspio.baseUri(), w, caspio, p);
            p.stage(label + ": waiting for the poll", 1);
            sleepUntil(started.plus(w.pollInterval()).plusSeconds(3));
            p.step();
            caspio.faults(w.latencySpec());
            p.stage(
                    label + ": smart sync, " + w.minutes() + " min of visits",
                    s.plan().visits());
            WindowRun.Result sWindow = WindowRun.play(s.plan(), caspio, smart::select, smart::live, w, true, p);
            Background background = Background.measure(label, w, caspio, smart, p);
            List<ReadsRun.Result> readRuns = new ArrayList<>();
            if (reads != null) {
                readRuns.addAll(ReadsPhase.run(
                        "SQLite", smart, caspio, List.copyOf(s.plan().visited()), reads, p));
            }
            PushRun.Result sPush = withPush ? smartPush(s, smart) : null;
            svc.stop();
            if (reads != null && !reads.postgresUrl().isBlank()) {
                readRuns.addAll(ReadsPhase.postgres(
                        dir.resolve("postgres"), caspio, w, List.copyOf(s.plan().visited()), reads, p));
            }
            List<SyncRun> history = new ArrayList<>(svc.history());
            history.addAll(init.history());
            return new Measured(
                    label,
                    w,
                    notes,
                    s.plan(),
                    t.init(),
                    t.window(),
                    t.push(),
                    init.result(),
                    sWindow,
                    background,
                    sPush,
                    history,
                    svc.heap(),
                    svc.peakRss(),
                    preload,
                    readRuns);
        }
    }

    /** The member-by-member initial sync and the runs its service recorded. */
    private record MemberByMember(InitialSync.Result result, List<SyncRun> history) {}

    /**
     * The members staff do not visit, loaded one by one by a service of their own: the window's service
     * then holds only the members staff visit, as a service that serves "200 members an hour" does, and
     * its delete checks and polls are not charged for a table it would not hold.
     */
    private static MemberByMember memberByMember(Stage s, Path dir) {
        s.p().stage(s.label() + ": smart sync, initial sync", s.others().size());
        try (ServiceJvm svc = ServiceJvm.start(dir, s.caspio().baseUri(), s.w(), Map.of());
                AppClient smart = new AppClient(svc.port(), svc.key())) {
            InitialSync.Result result = InitialSync.run(
                    s.others(), s.w().parallelism(), smart::select, smart::initialSyncDone, s.caspio(), s.p());
            svc.stop();
            return new MemberByMember(result, svc.history());
        }
    }

    private static PushRun.Result smartPush(Stage s, AppClient smart) {
        s.p().stage(s.label() + ": smart sync, pushes", 1);
        PushRun.Result push = PushRun.service(
                smart, s.caspio(), Plan.memberId(1), s.w().pushSamples(), s.w().backlog(), s.w().latencySpec());
        s.p().step();
        return push;
    }

    /**
     * The preload of the whole table against an emulator in its own process (the million-note run), by a
     * service with the workload's heap limit, at the service's real intervals. Smart sync only: the
     * traditional approach has no initial sync to compare.
     */
    static Measured external(String label, Workload w, URI emulator, Path dir, Progress p) {
        try (RemoteCaspio caspio = new RemoteCaspio(emulator);
                TraditionalApp app = TraditionalApp.start(caspio.baseUri())) {
            caspio.faults("");
            long notes = app.count();
            PreloadRun.Result preload = PreloadRun.run(label, dir.resolve("preload"), caspio.baseUri(), w, caspio, p);
            return new Measured(
                    label,
                    w,
                    notes,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    preload.heap(),
                    preload.peakRss(),
                    preload,
                    List.of());
        }
    }

    static void sleepUntil(Instant at) {
        Duration wait = Duration.between(Instant.now(), at);
        if (!wait.isNegative()) {
            try {
                Thread.sleep(wait); // waiting on another process's schedule; it offers no hook
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Every {@code n}-th member so a capped sample still spans the table; all of them when cap is 0. */
    private static List<String> sample(List<String> members, int cap) {
        if (cap == 0 || members.size() <= cap) {
            return members;
        }
        double step = (double) members.size() / cap;
        return java.util.stream.IntStream.range(0, cap)
                .mapToObj(i -> members.get((int) (i * step)))
                .toList();
    }
}
