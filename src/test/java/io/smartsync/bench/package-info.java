/**
 * JMH microbenchmarks of the service's hot paths on a real SQLite store: reading a member's notes,
 * storing a 1,000-row page, claiming outbox entries. Run by the command in BENCHMARKS.md, never by
 * {@code mvn verify} (they are not tests).
 */
package io.smartsync.bench;
