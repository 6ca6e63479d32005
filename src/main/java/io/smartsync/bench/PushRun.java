package io.smartsync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * How fast notes written here reach Caspio: one at a time while online, and a backlog written while
 * Caspio failed every call, pushed once it answers again. Arrival is read from the emulator's count of
 * 201 answers, polled every millisecond.
 */
final class PushRun {

    /**
     * @param acceptedMs how long the app took to accept each note (the API's 201)
     * @param toCaspioMs from sending each note to the emulator answering its create
     * @param backlog notes in each backlog (0 when not measured)
     * @param notesPerSecond a backlog written while online (faster than it can be pushed): rows created
     *     per second, first to last; for the traditional approach, direct writes one after another
     * @param offlineNotesPerSecond a backlog written while Caspio failed every call, once it answers
     *     again: notes after the first over the time from the first row created to the last
     * @param offlineDrainSeconds from Caspio answering again to the last row created
     */
    record Result(
            List<Double> acceptedMs,
            List<Double> toCaspioMs,
            int backlog,
            double notesPerSecond,
            double offlineNotesPerSecond,
            double offlineDrainSeconds) {}

    private PushRun() {}

    /** The service: write through its API, let the pusher deliver. */
    static Result service(AppClient app, CaspioSide caspio, String member, int samples, int backlog, String healed) {
        LongSupplier created = () -> caspio.traffic().created();
        List<Double> accepted = new ArrayList<>();
        List<Double> toCaspio = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long before = created.getAsLong();
            long started = System.nanoTime();
            AppClient.Answer a = app.create(member, WindowRun.changeText(i));
            accepted.add(a.nanos() / 1e6);
            awaitCreated(created, before + 1, 60);
            toCaspio.add((System.nanoTime() - started) / 1e6);
        }
        if (backlog == 0) {
            return new Result(accepted, toCaspio, 0, 0, 0, 0);
        }
        long base = created.getAsLong();
        int queued = write(app, member, backlog);
        long firstAt = awaitCreated(created, base + 1, 60);
        long doneAt = awaitCreated(created, base + queued, 60 + queued);
        double online = queued > 1 ? (queued - 1) / ((doneAt - firstAt) / 1e9) : 0;

        caspio.faults("error5xx=1");
        queued = write(app, member, backlog);
        base = created.getAsLong();
        caspio.faults(healed);
        long healedAt = System.nanoTime();
        firstAt = awaitCreated(created, base + 1, 300);
        doneAt = awaitCreated(created, base + queued, 300 + queued);
        double drain = (doneAt - healedAt) / 1e9;
        double rate = queued > 1 ? (queued - 1) / ((doneAt - firstAt) / 1e9) : 0;
        return new Result(accepted, toCaspio, queued, online, rate, drain);
    }

    /** Writes {@code n} notes as fast as the API takes them; answers how many it accepted. */
    private static int write(AppClient app, String member, int n) {
        int queued = 0;
        for (int i = 0; i < n; i++) {
            queued += app.create(member, WindowRun.changeText(i)).ok() ? 1 : 0;
        }
        return queued;
    }

    /** The original app: each note sent straight to Caspio, one round trip each; nothing when offline. */
    static Result direct(TraditionalApp app, String member, int samples) {
        List<Double> ms = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            long s = System.nanoTime();
            app.insert(member, WindowRun.changeText(i));
            ms.add((System.nanoTime() - s) / 1e6);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(ms, ms, 0, samples / seconds, 0, 0);
    }

    private static long awaitCreated(LongSupplier created, long target, long timeoutSeconds) {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (created.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("notes did not reach Caspio within " + timeoutSeconds + " s (have "
                        + created.getAsLong() + " creates, want " + target + ")");
            }
            try {
                Thread.sleep(1); // watching another process's effect; there is no hook to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return System.nanoTime();
    }
}
