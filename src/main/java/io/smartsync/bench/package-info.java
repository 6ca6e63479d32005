/**
 * The {@code bench} command: one workload run against the traditional approach (every note of a member
 * fetched from Caspio on each visit, as the original app did) and against the service, on the same
 * emulator with the same latency; the figures go to a table, JSON, Markdown and a chart. It measures and
 * reports, and never asserts a target. The test tree adds JMH microbenchmarks of the service's hot paths
 * on a real SQLite store (reading a member's notes, storing a 1,000-row page, claiming outbox entries),
 * run by the command in BENCHMARKS.md and never by {@code mvn verify}.
 */
package io.smartsync.bench;
