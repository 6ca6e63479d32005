/**
 * The local store, opened as one {@link io.smartsync.store.Store} of ports named by what callers need:
 * {@link io.smartsync.store.Notes}, {@link io.smartsync.store.Merges}, {@link io.smartsync.store.Outbox},
 * {@link io.smartsync.store.SyncProgress}, {@link io.smartsync.store.Reconciliation}, {@link
 * io.smartsync.store.Conflicts}, {@link io.smartsync.store.History}, {@link io.smartsync.store.Reports} and
 * {@link io.smartsync.store.AccessRecords}. Their JDBC implementations are package-private and share one
 * {@code Database} for transactions, retries and durability; they run on an SQLite file by default or on
 * PostgreSQL, which several instances share ({@link io.smartsync.store.Coordination}). The schema is Flyway
 * migrations per database, and every statement sits next to the code that runs it with bound parameters.
 */
package io.smartsync.store;
