package io.smartsync.sync;

import io.smartsync.caspio.NotesTable;
import io.smartsync.note.MemberId;
import io.smartsync.store.StoredKeys;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counting half of the delete check: which of the members stored here may have lost rows in Caspio.
 * The members go to Caspio in OR chains that fit one request ({@link NotesTable#countGroups}), each bounded
 * by {@code PK_ID <= keysCovered} (see {@link Poller#keysCovered()}); a chain is asked first for its total,
 * one {@code COUNT(*)} without {@code q.groupBy} (a single number back instead of a count per member), and
 * only a chain whose total differs from the store's is asked for its counts by member.
 *
 * <p>Why an equal total proves that no row of the chain was deleted: Caspio's side counts the rows of the
 * chain's members with a key at or below the bound, the store's side the notes of those members it holds
 * with such keys (live, or with their delete still queued). Keys only grow, so a row made since the bound
 * was taken has a higher key and counts on neither side; every counted row existed before the last
 * complete poll began, and that poll or an earlier one stored it. A delete in Caspio takes a row away from
 * Caspio's side only, so on its own it lowers Caspio's total below the store's. An equal total could hide
 * a delete only if a row Caspio counts and the store does not made up for it within the same interval:
 * <ul>
 *   <li>a row moved into a member of the chain by an edit of its member field, from a member outside the
 *       chain, that no poll has read yet (a row moving between two members of one chain changes neither
 *       total, and is not a delete);
 *   <li>a row committed late with a key at or below the bound, or stored here a moment after the store's
 *       side was read (a push's create, a poll's page).
 * </ul>
 * Each of these is gone by the next check, because the poll stores the row (its stamp moved) or the store
 * holds it by then, so the delete is found one check later. The grouped counts had the same window within
 * one member; here it spans a chain. Two guards keep it that short:
 * <ul>
 *   <li>a table whose stamp does not move on update hides an edit of the member field from the poll for
 *       good, so such a row would hide a delete in its chain until the daily table reconcile: on such a
 *       table every chain is counted by member, as before;
 *   <li>a member whose grouped count showed more rows in Caspio than here (a surplus that outlived the
 *       interval it came in, e.g. a row the store keeps as a tombstone while Caspio still has it) keeps
 *       its chain on grouped counts until its counts agree again. A surplus on its own raises the chain's
 *       total, so it is seen, and remembered, the first time it is there without a delete beside it.
 * </ul>
 * Safe for use from many threads; the service runs one check at a time.
 */
final class MemberCheck {
    private final NotesTable caspio;
    /** Members whose last grouped count was higher in Caspio than here; their chains skip the total. */
    private final Set<MemberId> surplus = ConcurrentHashMap.newKeySet();

    MemberCheck(NotesTable caspio) {
        this.caspio = caspio;
    }

    /**
     * The members of {@code here} whose count of rows at or below {@code keysCovered} may differ from
     * Caspio's, in {@code here}'s order; the others hold every such row Caspio holds.
     */
    Set<MemberId> differing(Map<MemberId, StoredKeys> here, long keysCovered) {
        surplus.retainAll(here.keySet());
        boolean totalsProve = caspio.shape().updatesVisible();
        Set<MemberId> differing = new LinkedHashSet<>();
        for (List<MemberId> chain : caspio.countGroups(List.copyOf(here.keySet()), keysCovered)) {
            if (totalsProve && chain.stream().noneMatch(surplus::contains)) {
                long stored = chain.stream().mapToLong(m -> here.get(m).count()).sum();
                if (caspio.countOf(chain, keysCovered) == stored) {
                    continue;
                }
            }
            Map<MemberId, Long> there = caspio.countsByMember(chain, keysCovered);
            for (MemberId m : chain) {
                long theirs = there.getOrDefault(m, 0L);
                long ours = here.get(m).count();
                if (theirs > ours) {
                    surplus.add(m);
                } else {
                    surplus.remove(m);
                }
                if (theirs != ours) {
                    differing.add(m);
                }
            }
        }
        return differing;
    }
}
