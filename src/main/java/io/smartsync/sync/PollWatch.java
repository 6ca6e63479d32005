package io.smartsync.sync;

import java.time.Clock;
import java.time.Instant;

/**
 * How the global poll has been going on this instance, so a poll that keeps failing shows on
 * {@code /health} and the dashboard instead of only in the log. Thread-safe: the poll thread writes,
 * request threads read a consistent snapshot.
 */
public final class PollWatch {
    /** Consecutive failures from which the poll counts as failing (one may be a passing hiccup). */
    public static final int FAILING_AFTER = 3;

    /**
     * @param consecutiveFailures failed polls since the last one that ran to its end
     * @param lastOkAt when the last poll that ran to its end finished; null if none has here
     * @param lastFailedAt when the last failed poll ended; null if none has
     * @param lastError what failed: an error kind or exception class, never a row's content
     */
    public record State(int consecutiveFailures, Instant lastOkAt, Instant lastFailedAt, String lastError) {
        public boolean failing() {
            return consecutiveFailures >= FAILING_AFTER;
        }
    }

    private final Clock clock;
    private State state = new State(0, null, null, null);

    PollWatch(Clock clock) {
        this.clock = clock;
    }

    synchronized void ok() {
        state = new State(0, clock.instant(), state.lastFailedAt(), state.lastError());
    }

    synchronized void failed(String what) {
        state = new State(state.consecutiveFailures() + 1, state.lastOkAt(), clock.instant(), what);
    }

    public synchronized State state() {
        return state;
    }
}
