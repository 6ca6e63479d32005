package io.smartsync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Member reads against one service instance, members it already stores: an open loop at a fixed rate,
 * and a saturated run of {@code clients} callers reading back to back.
 *
 * <p>The open loop sends each read at its scheduled time ({@code i / rate} after the start) on a thread of
 * its own, whatever the earlier reads are doing, and measures each read's latency from its scheduled
 * time: a stall delays the reads scheduled behind it and shows in their latencies (no coordinated
 * omission).
 */
final class ReadsRun {

    /**
     * @param latenciesMs of the reads that answered 2xx
     * @param errors reads that failed or answered other than 2xx, by status or exception
     * @param seconds the run's length on the bench's clock
     * @param caspio what went to Caspio meanwhile (reads of stored members should need nothing)
     */
    record Result(
            String store,
            String mode,
            int clients,
            List<Double> latenciesMs,
            Map<String, Integer> errors,
            double seconds,
            Traffic caspio) {
        int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }

        double readsPerSecond() {
            return seconds > 0 ? latenciesMs.size() / seconds : 0;
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("store", store);
            m.put("mode", mode);
            m.put("clients", clients);
            m.put("reads", latenciesMs.size());
            m.put("errors", errors);
            m.put("caspioDuringTheRun", caspio.toJson());
            m.put("seconds", seconds);
            m.put("readsPerSecond", readsPerSecond());
            m.put("p50Ms", Figure.percentile(latenciesMs, 50));
            m.put("p99Ms", Figure.percentile(latenciesMs, 99));
            m.put("maxMs", Figure.percentile(latenciesMs, 100));
            return m;
        }
    }

    private ReadsRun() {}

    /** {@code rate} reads a second for {@code length}, each member in turn. */
    static Result openLoop(
            String store,
            Function<String, AppClient.Answer> read,
            List<String> members,
            int rate,
            Duration length,
            CaspioSide caspio) {
        int total = (int) Math.max(1, rate * length.toMillis() / 1000);
        List<Double> ms = Collections.synchronizedList(new ArrayList<>(total));
        Map<String, Integer> errors = new ConcurrentSkipListMap<>();
        Traffic before = caspio.traffic();
        long start = System.nanoTime() + 10_000_000L;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait); // the schedule itself, not a wait for a result
                }
                String member = members.get(i % members.size());
                senders.execute(() -> {
                    String error = error(read, member);
                    if (error == null) {
                        ms.add((System.nanoTime() - due) / 1e6);
                    } else {
                        errors.merge(error, 1, Integer::sum);
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(
                store,
                "open loop at " + rate + "/s",
                1,
                List.copyOf(ms),
                Map.copyOf(errors),
                seconds,
                caspio.traffic().minus(before));
    }

    /** {@code clients} callers, each reading the next member as soon as its last read answered. */
    static Result saturated(
            String store,
            Function<String, AppClient.Answer> read,
            List<String> members,
            int clients,
            Duration length,
            CaspioSide caspio) {
        List<Double> ms = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> errors = new ConcurrentSkipListMap<>();
        Traffic before = caspio.traffic();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        try (ExecutorService callers = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                callers.execute(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        String member = members.get(Math.floorMod(next.getAndIncrement(), members.size()));
                        String error = error(read, member);
                        if (error == null) {
                            ms.add((System.nanoTime() - sent) / 1e6);
                        } else {
                            errors.merge(error, 1, Integer::sum);
                        }
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(
                store,
                "saturated",
                clients,
                List.copyOf(ms),
                Map.copyOf(errors),
                seconds,
                caspio.traffic().minus(before));
    }

    /** Null for a 2xx answer, else its status and code, or the exception's message. */
    private static String error(Function<String, AppClient.Answer> read, String member) {
        try {
            AppClient.Answer a = read.apply(member);
            return a.ok() ? null : a.status() + " " + a.error();
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }
}
