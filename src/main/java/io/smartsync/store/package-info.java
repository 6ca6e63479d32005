/**
 * The local store: notes, member sync status and the outbox behind {@link io.smartsync.store.LocalStore};
 * users, keys, sessions and the audit log behind {@link io.smartsync.store.AccessRecords}. One JDBC
 * implementation runs on an SQLite file by default or on PostgreSQL, which several instances share
 * ({@link io.smartsync.store.Coordination}); its schema is Flyway migrations per database, and every
 * statement sits next to the code that runs it with bound parameters.
 */
package io.smartsync.store;
