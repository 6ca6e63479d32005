package io.smartsync.store;

import org.jdbi.v3.core.Jdbi;

/**
 * The advisory-lock key spaces of one PostgreSQL schema: advisory locks belong to the whole database,
 * so each space is a hash of the schema's name and its purpose, and stores in other schemas of the same
 * database never contend.
 *
 * @param write members' write locks, held for one transaction
 * @param sync members' initial syncs, held across transactions
 * @param lead the poller role (the second key is 0)
 */
record LockKeys(int write, int sync, int lead) {
    static LockKeys of(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT hashtext(current_schema() || '/write') AS w,"
                        + " hashtext(current_schema() || '/sync') AS s, hashtext(current_schema() || '/lead') AS l")
                .map((rs, ctx) -> new LockKeys(rs.getInt("w"), rs.getInt("s"), rs.getInt("l")))
                .one());
    }
}
