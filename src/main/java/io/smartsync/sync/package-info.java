/**
 * The sync engine: pulls a member's notes from Caspio (initial, then incremental from a Caspio cursor),
 * pushes the outbox of local writes, and runs both on named background threads. {@link
 * io.smartsync.sync.SyncService} is what the HTTP layer calls.
 */
package io.smartsync.sync;
