package io.smartsync.cli.bench;

import io.smartsync.store.SyncRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The smart-sync hour with its table reconciles at the pace real time gives them. Latency is not
 * compressed, so a reconcile that outlasts its compressed interval runs fewer times in the window than in
 * an hour of real time. This takes the window's own reconciles out and puts back as many as a real hour
 * holds ({@code 3600 / (interval + duration)}), each at the average cost the service recorded for its
 * table reconciles. Reconciles read keys only, so the bytes the emulator counts are their answers' bodies.
 *
 * @param sampled table reconciles the service recorded (in the window, the forced one, any other)
 * @param seconds their average duration
 * @param requests their average request count
 * @param bytes their average answer bytes
 * @param inWindow table reconciles that started inside the window
 * @param runsPerHour table reconciles in an hour of real time
 */
record RealPace(
        int sampled,
        double seconds,
        double requests,
        double bytes,
        long inWindow,
        double runsPerHour,
        double hourRequests,
        double hourBytes) {

    static RealPace of(Measured m) {
        Workload w = m.workload();
        WindowRun.Result s = m.smartWindow();
        List<SyncRun> all = m.history().stream()
                .filter(r -> r.kind().equals("reconcile")
                        && r.clientId2() == null
                        && r.outcome().equals("ok"))
                .toList();
        List<SyncRun> window = all.stream()
                .filter(r ->
                        !r.startedAt().isBefore(s.startedAt()) && r.startedAt().isBefore(s.endedAt()))
                .toList();
        double measuredRequests = s.total().totalRequests();
        double measuredBytes = s.total().bytes();
        if (all.isEmpty()) {
            return new RealPace(0, 0, 0, 0, 0, 0, measuredRequests * w.perHour(), measuredBytes * w.perHour());
        }
        double seconds = all.stream().mapToLong(SyncRun::durationMs).average().orElse(0) / 1000;
        double requests = all.stream().mapToLong(SyncRun::requests).average().orElse(0);
        double bytes = all.stream().mapToLong(SyncRun::bytesIn).average().orElse(0);
        double runsPerHour = 3600 / (w.reconcileInterval().toSeconds() + seconds);
        double windowRequests = window.stream().mapToLong(SyncRun::requests).sum();
        double windowBytes = window.stream().mapToLong(SyncRun::bytesIn).sum();
        return new RealPace(
                all.size(),
                seconds,
                requests,
                bytes,
                window.size(),
                runsPerHour,
                (measuredRequests - windowRequests) * w.perHour() + runsPerHour * requests,
                (measuredBytes - windowBytes) * w.perHour() + runsPerHour * bytes);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sampledRuns", sampled);
        m.put("averageSeconds", seconds);
        m.put("averageRequests", requests);
        m.put("averageBytes", bytes);
        m.put("runsInWindow", inWindow);
        m.put("runsPerRealHour", runsPerHour);
        return m;
    }
}
