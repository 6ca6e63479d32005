package io.smartsync.bench;

import io.smartsync.store.SyncRun;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The table-wide initial sync (a preload, {@code POST /api/sync/preload}) by a fresh service in its own
 * JVM with its own heap limit, at zero latency: the whole table into an empty store.
 */
final class PreloadRun {

    /**
     * @param notes notes the preload stored
     * @param seconds from sending the request to seeing the finished run, on the bench's clock (the one
     *     that times the traditional load)
     * @param recordedSeconds the preload's own duration, as the service recorded it in its sync history
     *     (summed over its runs when a Caspio failure cut it and it resumed); context only
     * @param outcome the outcome of each run, oldest first
     * @param requests Caspio requests the preload made, as the service's client counted them
     * @param traffic everything on the wire meanwhile, by every client (the poll included)
     */
    record Result(
            long notes,
            double seconds,
            double recordedSeconds,
            int requests,
            long bytesIn,
            long rowsRead,
            String outcome,
            Traffic traffic,
            Memory.Heap heap,
            OptionalLong peakRss) {

        double notesPerSecond() {
            return seconds > 0 ? notes / seconds : 0;
        }
    }

    private PreloadRun() {}

    static Result run(String label, Path dir, URI emulator, Workload w, CaspioSide caspio, Progress p) {
        p.stage(label + ": smart sync, preload of the table", 1);
        try (ServiceJvm svc = ServiceJvm.start(dir, emulator, w, Map.of());
                AppClient admin = new AppClient(svc.port(), svc.key())) {
            Traffic before = caspio.traffic();
            long started;
            try (Stream<String> events = admin.events()) {
                started = System.nanoTime();
                AppClient.Answer answer = admin.preload();
                if (answer.status() != 202) {
                    throw new IllegalStateException(
                            "POST /api/sync/preload answered " + answer.status() + " " + answer.error());
                }
                // A preload cut by a Caspio failure resumes by itself: wait for one that went well.
                events.filter(line -> line.startsWith("data:")
                                && line.contains("\"sync.finished\"")
                                && line.contains("\"preload\"")
                                && line.contains("\"outcome\":\"ok\""))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "the event stream ended before the preload finished; see the service's log"));
            }
            double wall = (System.nanoTime() - started) / 1e9;
            Traffic traffic = caspio.traffic().minus(before);
            svc.stop();
            List<SyncRun> runs = svc.history().reversed().stream()
                    .filter(r -> r.kind().equals("preload"))
                    .toList();
            p.step();
            return new Result(
                    runs.stream().mapToLong(SyncRun::newNotes).sum(),
                    wall,
                    runs.stream().mapToLong(SyncRun::durationMs).sum() / 1000.0,
                    runs.stream().mapToInt(SyncRun::requests).sum(),
                    runs.stream().mapToLong(SyncRun::bytesIn).sum(),
                    runs.stream().mapToLong(SyncRun::rowsRead).sum(),
                    runs.stream().map(SyncRun::outcome).collect(Collectors.joining(", ")),
                    traffic,
                    svc.heap(),
                    svc.peakRss());
        }
    }
}
