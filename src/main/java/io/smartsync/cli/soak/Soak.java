package io.smartsync.cli.soak;

import io.smartsync.cli.ServeProcess;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.store.StoreLocation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * One soak run: an emulator with faults on and a notes table whose {@code Sync_ID} is not unique, service
 * processes on one store, random writes on both sides with SIGKILLs and restarts between them, then the
 * faults go and only the services' own loops (poll, pusher, scheduled reconcile) bring the store and
 * Caspio together. The store is read directly (read-only), never through a call that syncs first.
 */
public final class Soak {
    /** What the emulator does wrong while the workload runs. */
    public static final String FAULTS = "error5xx=0.03,throttle429=0.01,dropAfterCommit=0.03,lateCommit=0.02,"
            + "lateCommitLag=1s,tokenExpiry=3s,clockSkew=-2s";

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(-2);
    /** Small and quick to start: a soak restarts its services many times on a busy machine. */
    private static final List<String> SERVICE_JVM = List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final String KEY = "soak-admin-key-0123456789abcdef";

    /**
     * @param store where the services keep their notes: a PostgreSQL location (shared by every instance) or
     *     null for a SQLite file of the single instance
     * @param dir the emulator's data, the services' data and their logs
     * @param drain how long the loops get to bring the store and Caspio together once the faults stop
     */
    public record Plan(
            int ops, int kills, long seed, StoreLocation store, int instances, int members, Path dir, Duration drain) {
        public Plan {
            if (ops < 0 || kills < 0 || instances < 1 || members < 1) {
                throw new IllegalArgumentException("soak: ops and kills must be 0 or more, instances and members 1 or"
                        + " more; were " + ops + ", " + kills + ", " + instances + ", " + members);
            }
            if (instances > 1 && (store == null || !store.isPostgres())) {
                throw new IllegalArgumentException("soak: " + instances + " instances need a PostgreSQL store (--db)");
            }
        }
    }

    private final Plan plan;
    private final PrintWriter progress;

    public Soak(Plan plan, PrintWriter progress) {
        this.plan = plan;
        this.progress = progress;
    }

    public SoakReport run() {
        long started = System.nanoTime();
        List<String> members = IntStream.rangeClosed(1, plan.members())
                .mapToObj(i -> String.format("CL%06d", i))
                .toList();
        Ledger ledger = new Ledger();
        List<ServeProcess> services = new ArrayList<>();
        try (CaspioEmulator caspio = emulator()) {
            startServices(caspio, services);
            List<SoakApi> apis =
                    services.stream().map(s -> new SoakApi(s.baseUri(), KEY)).toList();
            SoakWorkload work = workload(caspio, apis, members, ledger);
            work.selectAll();
            caspio.faults(FaultConfig.parse(FAULTS));
            drive(work, services, ledger);

            caspio.faults(FaultConfig.NONE);
            long drainStarted = System.nanoTime();
            StorePeek peek = new StorePeek(storeLocation());
            boolean converged = awaitConvergence(peek, caspio, ledger, members);
            long drainMillis = (System.nanoTime() - drainStarted) / 1_000_000;
            services.forEach(s -> s.stop(Duration.ofSeconds(30)));
            apis.forEach(SoakApi::close);

            StorePeek.Snapshot end = peek.read();
            Comparison.Result r = Comparison.of(end, caspio.rows(CaspioEmulator.NOTES_TABLE), ledger, members);
            return report(ledger, r, end, converged, drainMillis, (System.nanoTime() - started) / 1_000_000);
        } finally {
            services.forEach(ServeProcess::close);
        }
    }

    private CaspioEmulator emulator() {
        return CaspioEmulator.start(EmulatorConfig.defaults(plan.dir().resolve("emulator"))
                .withPort(0)
                .withMembers(plan.members())
                .withNotesPerMember(10)
                .withSeed(plan.seed())
                .withSyncIdUnique(false));
    }

    /** The store the instances share: the plan's, else the first instance's SQLite file. */
    private StoreLocation storeLocation() {
        return plan.store() != null
                ? plan.store()
                : StoreLocation.sqlite(
                        plan.dir().resolve("instance-0").resolve("data").resolve("smartsync.db"));
    }

    /** Starts the plan's instances, each added to {@code services} first so that a failed start closes them. */
    private void startServices(CaspioEmulator caspio, List<ServeProcess> services) {
        for (int i = 0; i < plan.instances(); i++) {
            services.add(new ServeProcess(env(caspio, i), plan.dir().resolve("instance-" + i + ".log"), SERVICE_JVM));
        }
        services.forEach(ServeProcess::spawn);
        services.forEach(ServeProcess::awaitReady);
    }

    private SoakWorkload workload(CaspioEmulator caspio, List<SoakApi> apis, List<String> members, Ledger ledger) {
        Random pick = new Random(plan.seed() + 1);
        return new SoakWorkload(
                new Random(plan.seed()),
                plan.seed(),
                () -> apis.get(pick.nextInt(apis.size())),
                caspio,
                members,
                ledger,
                CLOCK_SKEW);
    }

    private SoakReport report(
            Ledger ledger,
            Comparison.Result r,
            StorePeek.Snapshot end,
            boolean converged,
            long drainMillis,
            long totalMillis) {
        return new SoakReport(
                plan.seed(),
                storeLocation().isPostgres() ? "postgresql" : "sqlite",
                plan.instances(),
                ledger.ops,
                ledger.kills,
                ledger.accepted.size(),
                ledger.caspioWrites,
                r.lost(),
                r.duplicated(),
                r.duplicatedBySyncId(),
                r.duplicatedByContent(),
                r.resurrected(),
                r.membersDiffering(),
                end.parked(),
                end.pending(),
                ledger.serverErrors,
                ledger.sameSecondEditsSkipped,
                ledger.unseenDeletesSkipped,
                converged,
                drainMillis,
                totalMillis,
                r.problems());
    }

    /** The ops, with a SIGKILL and restart of a random instance after each of {@code kills} random ops. */
    private void drive(SoakWorkload work, List<ServeProcess> services, Ledger ledger) {
        Random chaos = new Random(plan.seed() + 2);
        TreeSet<Integer> killAfter = new TreeSet<>();
        while (killAfter.size() < Math.min(plan.kills(), plan.ops())) {
            killAfter.add(1 + chaos.nextInt(plan.ops()));
        }
        int reportEvery = Math.max(1, plan.ops() / 10);
        for (int i = 1; i <= plan.ops(); i++) {
            work.step();
            if (killAfter.contains(i)) {
                work.burstOfCreates(3); // the pusher wakes at once: the kill lands mid-push
                ServeProcess victim = services.get(chaos.nextInt(services.size()));
                victim.kill();
                ledger.kills++;
                victim.start();
            }
            if (i % reportEvery == 0) {
                progress.printf(
                        "soak: %d/%d ops, %d kills, %d creates accepted%n",
                        i, plan.ops(), ledger.kills, ledger.accepted.size());
                progress.flush();
            }
        }
    }

    /** Faults off: waits until the store's queue is empty and it matches Caspio, or the drain time is up. */
    private boolean awaitConvergence(StorePeek peek, CaspioEmulator caspio, Ledger ledger, List<String> members) {
        long deadline = System.nanoTime() + plan.drain().toNanos();
        while (true) {
            StorePeek.Snapshot s = peek.read();
            if (s.pending() == 0
                    && Comparison.of(s, caspio.rows(CaspioEmulator.NOTES_TABLE), ledger, members)
                            .clean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Short intervals, so the loops settle in seconds; the same settings for every instance. */
    private Map<String, String> env(CaspioEmulator caspio, int instance) {
        Map<String, String> env = ServeProcess.demoAccount(
                caspio.baseUri(), plan.dir().resolve("instance-" + instance).resolve("data"), KEY);
        if (plan.store() != null) {
            env.put("SMARTSYNC_DB", plan.store().postgresUrl());
        }
        env.put("SMARTSYNC_AUTO_SYNC_INTERVAL_MS", "200");
        env.put("SMARTSYNC_RETRY_DELAY_MS", "5");
        env.put("SMARTSYNC_MAX_RETRY_ATTEMPTS", "2");
        env.put("SMARTSYNC_MAX_RETRY_DELAY_MS", "20");
        // A lease shorter than one push lets another instance take an entry still in flight (README).
        env.put("SMARTSYNC_SYNC_TIMEOUT_MS", "2000");
        env.put("SMARTSYNC_PUSH_LEASE_MS", "5000");
        env.put("SMARTSYNC_RECONCILE_INTERVAL_MS", "500");
        env.put("SMARTSYNC_TABLE_RECONCILE_INTERVAL_MS", "2000");
        env.put("SMARTSYNC_OVERLAP_SECONDS", "2");
        env.put("SMARTSYNC_BREAKER_DELAY_MS", "200");
        env.put("SMARTSYNC_OFFLINE_QUEUE_LIMIT", "1000000");
        env.put("SMARTSYNC_LOG_LEVEL", "WARN");
        return env;
    }
}
