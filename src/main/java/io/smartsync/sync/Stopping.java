package io.smartsync.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;

/**
 * One orderly stop of a service's background work, after it stopped taking new work: what runs gets until
 * one shared deadline to finish, what is still running then is interrupted (given a moment to unwind), and
 * the stop ends with one line that says what was left and what becomes of it. Confined to the stopping
 * thread.
 */
final class Stopping {
    /** The most a stop waits for running work, whatever the calls' own timeout. */
    static final Duration MOST = Duration.ofSeconds(5);
    /** How long interrupted work gets to unwind before the store closes under it. */
    static final Duration UNWIND = Duration.ofSeconds(2);

    private final Duration grace;
    private final long deadline;
    private final List<String> left = new ArrayList<>();

    /** Starts the wait: running work gets {@code grace} from now (at most {@link #MOST}). */
    Stopping(Duration grace) {
        this.grace = grace.compareTo(MOST) > 0 ? MOST : grace;
        this.deadline = System.nanoTime() + this.grace.toNanos();
    }

    /** The end of the wait, on {@link System#nanoTime}'s scale. */
    long deadline() {
        return deadline;
    }

    /**
     * Waits for the executor's running tasks (it must be shut down already) until the deadline; if they
     * still run then, interrupts them and notes {@code what} was left, with what becomes of it.
     *
     * @param running how many tasks run now, asked only when they outlast the wait
     */
    void await(ExecutorService executor, IntSupplier running, String what, String then) {
        if (awaitTermination(executor, Math.max(0, deadline - System.nanoTime()))) {
            return;
        }
        int n = running.getAsInt();
        executor.shutdownNow();
        left(n, what, then);
        awaitTermination(executor, UNWIND.toNanos());
    }

    /** Notes that {@code n} of {@code what} were still running when the wait ended (none: nothing noted). */
    void left(int n, String what, String then) {
        if (n > 0) {
            left.add(what(n, what) + " still running (" + then + ")");
        }
    }

    /** The stop's one line: what was left running after the wait, or that nothing was. */
    void report(Logger log) {
        if (left.isEmpty()) {
            log.info("stopped; nothing was left running");
        } else {
            log.info("stopped with {} after waiting {} ms", String.join("; ", left), grace.toMillis());
        }
    }

    /** "1 push", "2 pushes", "a poll": a count and its noun ({@code what} is "push|pushes"). */
    static String what(int n, String what) {
        String[] forms = what.split("\\|", 2);
        return forms.length == 1 ? forms[0] : n + " " + (n == 1 ? forms[0] : forms[1]);
    }

    private static boolean awaitTermination(ExecutorService executor, long nanos) {
        try {
            return executor.awaitTermination(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return executor.isTerminated();
        }
    }
}
