package io.smartsync.store;

import java.time.Instant;

/**
 * A table-wide cursor: the Caspio stamp the global poll has reached.
 *
 * @param coversSince the chain of polls has seen every change made since this instant
 * @param finishedAt when its last run finished, or null before the first full run
 */
public record TableCursor(String stamp, long pk, Instant coversSince, Instant finishedAt) {}
