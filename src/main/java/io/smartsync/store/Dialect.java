package io.smartsync.store;

import io.smartsync.note.MemberId;
import java.util.Collection;
import org.jdbi.v3.core.Handle;

/**
 * What differs between the store's two databases. On SQLite an IMMEDIATE transaction already serialises
 * every writer, so nothing needs locking; on PostgreSQL several instances write at once under READ
 * COMMITTED, so a transaction that reads a member's notes or outbox to decide what to write first takes
 * that member's transaction-scoped advisory lock, and the claim skips outbox rows another transaction
 * holds. Immutable.
 */
final class Dialect {
    static final Dialect SQLITE = new Dialect(false, 0);

    private final boolean postgres;
    private final int writeKeys;

    private Dialect(boolean postgres, int writeKeys) {
        this.postgres = postgres;
        this.writeKeys = writeKeys;
    }

    /** PostgreSQL, with member write locks in the key space {@code writeKeys} (one per schema). */
    static Dialect postgres(int writeKeys) {
        return new Dialect(true, writeKeys);
    }

    boolean isPostgres() {
        return postgres;
    }

    /** Appended to a query whose rows the transaction goes on to change. */
    String forUpdate() {
        return postgres ? " FOR UPDATE" : "";
    }

    /** Appended to the claim: rows another instance is claiming or writing to are left to it. */
    String forUpdateSkipLocked() {
        return postgres ? " FOR UPDATE SKIP LOCKED" : "";
    }

    /**
     * Holds the members' write locks until the transaction ends, taken in one order so two transactions
     * never wait for each other in a circle.
     */
    void lockMembers(Handle h, Collection<MemberId> members) {
        if (!postgres) {
            return;
        }
        members.stream()
                .map(MemberId::value)
                .distinct()
                .sorted()
                .forEach(m -> h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:keys, hashtext(:m))")
                        .bind("keys", writeKeys)
                        .bind("m", m)
                        .mapTo(Integer.class)
                        .one());
    }
}
