/**
 * Talks to Caspio's REST API: the OAuth token, record reads and writes, and the mapping between Caspio
 * rows and notes. Every {@code q.where} is built by {@link io.smartsync.caspio.Where}, which escapes
 * what it is given; every failure is a {@link io.smartsync.caspio.CaspioException} that says whether a
 * retry can help.
 */
package io.smartsync.caspio;
