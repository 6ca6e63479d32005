package io.smartsync.sync;

import io.smartsync.caspio.CaspioException;

/**
 * How a recorded sync run ended. Its {@link #text()} is what the history stores and the events carry
 * ({@code ok}, {@code failed: <cause>}, {@code interrupted}); readers of those match on that text.
 */
sealed interface RunOutcome {
    RunOutcome OK = new Ok();
    RunOutcome INTERRUPTED = new Interrupted();

    /** The run's outcome as stored and sent. */
    String text();

    /**
     * How a run that Caspio failed ended: interrupted when the thread was interrupted (the service is
     * stopping, the call was cut), else failed with the failure's kind.
     */
    static RunOutcome of(CaspioException e) {
        return Thread.currentThread().isInterrupted() ? INTERRUPTED : failed(e.kind());
    }

    /** Caspio could not be read or written: the failure's kind is the cause. */
    static RunOutcome failed(CaspioException.Kind kind) {
        return new Failed(String.valueOf(kind));
    }

    /** The run failed for a cause outside Caspio, named in one word ({@code store}). */
    static RunOutcome failed(String cause) {
        return new Failed(cause);
    }

    /** The run did what it was for. */
    record Ok() implements RunOutcome {
        @Override
        public String text() {
            return "ok";
        }
    }

    /** The run stopped on a failure; what it stored before stays. */
    record Failed(String cause) implements RunOutcome {
        public Failed {
            if (cause == null || cause.isBlank()) {
                throw new IllegalArgumentException("a failed run names its cause");
            }
        }

        @Override
        public String text() {
            return "failed: " + cause;
        }
    }

    /** The run was cut short by the service stopping. */
    record Interrupted() implements RunOutcome {
        @Override
        public String text() {
            return "interrupted";
        }
    }
}
