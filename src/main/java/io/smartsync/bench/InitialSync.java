package io.smartsync.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Initial-sync throughput: every given member selected for the first time, {@code parallelism} at once
 * (several staff opening members), timed from the first request to the last member stored.
 */
final class InitialSync {

    /**
     * @param failures failed answers by status and error code
     * @param stale answers that came back before their pull finished (waited for, then counted)
     */
    record Result(int members, long notes, double seconds, Traffic traffic, Map<String, Integer> failures, int stale) {
        int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        double notesPerSecond() {
            return seconds > 0 ? notes / seconds : 0;
        }
    }

    private InitialSync() {}

    /**
     * @param select a first selection through an app's API
     * @param done whether a member that answered stale has finished its sync since
     */
    static Result run(
            List<String> members,
            int parallelism,
            Function<String, AppClient.Answer> select,
            Predicate<String> done,
            CaspioSide caspio,
            Progress p) {
        AtomicLong notes = new AtomicLong();
        Map<String, Integer> failures = new ConcurrentSkipListMap<>();
        List<String> stale = new CopyOnWriteArrayList<>();
        Traffic before = caspio.traffic();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(
                parallelism, Thread.ofPlatform().name("bench-initial-", 0).factory())) {
            List<Future<?>> runs = members.stream()
                    .<Future<?>>map(m -> pool.submit(() -> {
                        AppClient.Answer a = select.apply(m);
                        if (!a.ok()) {
                            failures.merge(a.status() + " " + a.error(), 1, Integer::sum);
                        } else if (a.type().equals("stale")) {
                            stale.add(m);
                        } else {
                            notes.addAndGet(a.notes());
                        }
                        p.step();
                    }))
                    .toList();
            for (Future<?> run : runs) {
                run.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the initial sync", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("initial sync failed: " + e.getCause(), e.getCause());
        }
        for (String m : stale) {
            awaitDone(m, done);
            notes.addAndGet(select.apply(m).notes());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(
                members.size(),
                notes.get(),
                seconds,
                caspio.traffic().minus(before),
                Map.copyOf(failures),
                stale.size());
    }

    private static void awaitDone(String member, Predicate<String> done) {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (!done.test(member)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("member " + member + " did not finish its initial sync in 10 min");
            }
            try {
                Thread.sleep(20); // polling another process's state; there is no hook to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + member, e);
            }
        }
    }
}
