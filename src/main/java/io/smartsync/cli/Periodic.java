package io.smartsync.cli;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A job the service runs on a named daemon thread of its own, first after {@code first} and then {@code
 * every} after each run ends. The job handles its own failures: one it throws ends the runs. Closing stops
 * the runs and waits up to 5 s for one under way. Thread-safe.
 */
final class Periodic implements AutoCloseable {
    private final ScheduledExecutorService timer;

    private Periodic(String thread) {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(thread).daemon().factory());
    }

    static Periodic start(String thread, Duration first, Duration every, Runnable job) {
        Periodic periodic = new Periodic(thread);
        periodic.timer.scheduleWithFixedDelay(job, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return periodic;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
