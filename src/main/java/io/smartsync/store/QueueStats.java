package io.smartsync.store;

import java.time.Instant;

/**
 * The outbox at a glance: entries waiting to be pushed, entries parked as failed, and when the oldest
 * waiting one was queued (null when none waits).
 */
public record QueueStats(int pending, int failed, Instant oldestPendingAt) {}
