package io.smartsync.store;

import io.smartsync.note.MemberId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the delete check needs: the keys stored here to count against Caspio's, the settling of a
 * key listing, and when each member was last checked. Every method is one transaction; implementations are
 * safe for use from many threads.
 */
public interface Reconciliation {
    /**
     * Settles a page of a key listing that began at {@code readAt}: the live notes of {@code members} (null:
     * of every member) stored with a {@code PK_ID} in {@code (afterPk, upToPk]} that is not among {@code
     * livePks} become tombstones that came from that listing, except notes with a local write queued and
     * notes stored here less than {@code commitLag} before the listing began (a late commit may hide
     * them). Answers how many.
     */
    int applyListing(
            Collection<MemberId> members,
            Set<Long> livePks,
            long afterPk,
            long upToPk,
            Instant readAt,
            Duration commitLag);

    /**
     * The member's notes that are live here and have a Caspio row (of every member when null): how many,
     * and the highest key.
     */
    StoredKeys storedKeys(MemberId member);

    /**
     * For each member synced here (initial sync complete): how many of its notes with a key at or below
     * {@code pkAtMost} Caspio should hold (live ones, and ones whose delete is still queued) and the
     * highest such key, in id order.
     */
    Map<MemberId, StoredKeys> storedKeysByMember(long pkAtMost);

    /** The highest Caspio key stored here (of any note, live or not), 0 when none. */
    long highestKey();

    /** The members that have notes live here with a Caspio row, in id order. */
    List<MemberId> membersWithCaspioRows();

    /** Records when these members' rows were last checked against Caspio's keys, in one transaction. */
    void markReconciled(Collection<MemberId> members, Instant at);

    Optional<Instant> lastReconciled(MemberId member);
}
