/**
 * The {@code bench} command: one workload run against the traditional approach (every note of a member
 * fetched from Caspio on each visit, as the original app did) and against the service, on the same
 * emulator with the same latency; the figures go to a table, JSON, Markdown and a chart. It measures and
 * reports, and never asserts a target.
 */
package io.smartsync.cli.bench;
