package io.smartsync.sync;

import java.time.Instant;

/** The push queue at a glance; {@code oldestPendingAt} is null when nothing waits. */
public record QueueState(int pending, int failed, Instant oldestPendingAt) {}
