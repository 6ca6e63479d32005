package io.smartsync.emulator;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * What the {@link FaultInjector} chose for one call, drawn before the call does anything and kept on the
 * request so the record routes can act on it.
 *
 * @param delay latency plus jitter to wait before answering
 * @param failStatus 5xx to answer at once, or 0
 * @param retryAfter when not null, answer 429 at once with this {@code Retry-After}
 * @param randomDrop a random drop-after-commit was drawn for this write
 * @param queuedDrop a {@code dropNextAfterCommit} was pending; taken only if the write commits
 * @param lateBy when not null, the write stays hidden from reads this long after its stamp
 */
record FaultDecision(
        Duration delay, int failStatus, Duration retryAfter, boolean randomDrop, boolean queuedDrop, Duration lateBy) {

    static final FaultDecision NONE = new FaultDecision(Duration.ZERO, 0, null, false, false, null);
    private static final String ATTRIBUTE = "emulator.faultDecision";

    static FaultDecision delayOnly(Duration delay) {
        return new FaultDecision(delay, 0, null, false, false, null);
    }

    void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    static FaultDecision of(Context ctx) {
        FaultDecision decision = ctx.attribute(ATTRIBUTE);
        return decision == null ? NONE : decision;
    }
}
