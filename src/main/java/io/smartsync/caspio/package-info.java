/**
 * Talks to Caspio's REST API: the OAuth token, record reads and writes, and the mapping between Caspio
 * rows and notes. The engine reaches the notes table only through {@link io.smartsync.caspio.NotesTable},
 * in notes, keys and counts; every {@code q.where} is a {@link io.smartsync.caspio.Where} made by its
 * typed, escaping factories; every failure is a {@link io.smartsync.caspio.CaspioException} that says
 * whether a retry can help.
 */
package io.smartsync.caspio;
