/**
 * The local store: notes, member sync status and the outbox behind {@link io.smartsync.store.LocalStore};
 * users, keys, sessions and the audit log behind {@link io.smartsync.store.AccessRecords}. The JDBC
 * implementation runs on an SQLite file by default; its schema is Flyway migrations, and every statement
 * sits next to the code that runs it with bound parameters.
 */
package io.smartsync.store;
