package io.smartsync.sync;

import io.smartsync.caspio.NotesTable;
import io.smartsync.caspio.Scope;
import io.smartsync.note.MemberId;
import io.smartsync.store.Store;
import io.smartsync.store.StoredKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds rows deleted in Caspio, which no timestamp query shows: lists only primary keys (of one member,
 * of the members stored here, or of the whole table) and tombstones the stored notes whose row is gone.
 * Thread-safe.
 */
final class Reconciler {
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final String KIND = "reconcile";

    private final Store store;
    private final NotesTable caspio;
    private final SyncConfig config;
    private final Clock clock;
    private final RunRecorder runs;
    private final MemberCheck check;

    Reconciler(Store store, NotesTable caspio, SyncConfig config, Clock clock) {
        this.store = store;
        this.caspio = caspio;
        this.config = config;
        this.clock = clock;
        this.runs = new RunRecorder(store.history(), caspio::tally, null, clock);
        this.check = new MemberCheck(caspio);
    }

    /**
     * The cheap check of every member stored here, the delete detection that runs on its own schedule
     * (no selection waits on it or pays for it): Caspio's counts of those members' rows with a key at or
     * below {@code keysCovered}, a total per OR chain that fits one request and counts by member only for a
     * chain whose total differs (see {@link MemberCheck} for why an equal total means no delete), against
     * the notes stored with those keys. Only members whose counts differ get their keys listed. Rows made
     * since, by staff here or by anyone in Caspio, have higher keys and do not count. Answers how many
     * notes became tombstones, by member.
     *
     * @param keysCovered see {@link Poller#keysCovered()}; 0 (no poll has run to its end) checks nothing
     */
    Map<MemberId, Integer> checkStored(long keysCovered) {
        Map<MemberId, Integer> gone = new LinkedHashMap<>();
        Map<MemberId, StoredKeys> here = store.reconciliation().storedKeysByMember(keysCovered);
        if (here.isEmpty()) {
            return gone;
        }
        Set<MemberId> differing = runs.record(KIND, null, run -> check.differing(here, keysCovered));
        Instant checkedAt = clock.instant();
        List<MemberId> agreeing = new ArrayList<>();
        for (MemberId member : here.keySet()) {
            if (differing.contains(member)) {
                int n = reconcile(member);
                if (n > 0) {
                    gone.put(member, n);
                }
            } else {
                agreeing.add(member);
            }
        }
        store.reconciliation().markReconciled(agreeing, checkedAt); // one transaction, not one a member
        return gone;
    }

    /**
     * Checks one member's rows (null: the whole table, see {@link #reconcileTable}); answers how many notes
     * were tombstoned.
     */
    int reconcile(MemberId member) {
        if (member == null) {
            return reconcileTable();
        }
        return runs.record(KIND, member, run -> {
            int gone = settle(Scope.member(member), List.of(member));
            store.reconciliation().markReconciled(List.of(member), clock.instant());
            run.brought(0, gone);
            if (gone > 0) {
                log.info("reconcile of {}: {} notes deleted in Caspio", member, gone);
            }
            return gone;
        });
    }

    /**
     * The table-wide safety net for deletes. Only stored notes can be tombstoned, so while the members
     * stored here hold under half of the table's rows (a service that holds what its staff look at), only
     * their keys are listed, by member in OR chains that fit a request; when they hold more, or their
     * chains would take more requests than the table's keys, every key of the table is listed, page by
     * page, as before. Either way a table of any size is checked in bounded memory.
     */
    private int reconcileTable() {
        return runs.record(KIND, null, run -> {
            List<MemberId> members = store.reconciliation().membersWithCaspioRows();
            int gone = 0;
            if (!members.isEmpty()) {
                List<List<MemberId>> groups = caspio.memberGroups(members);
                long tableRows = caspio.count();
                long tablePages = (tableRows + config.pageSize() - 1) / config.pageSize();
                boolean byMember =
                        store.reconciliation().storedKeys(null).count() * 2 < tableRows && groups.size() <= tablePages;
                if (byMember) {
                    for (List<MemberId> group : groups) {
                        gone += settle(Scope.members(group), group);
                    }
                } else {
                    gone = settle(Scope.table(), null);
                }
                log.info(
                        "reconcile of the table: {} ({} members stored here, {} rows in Caspio), {} notes deleted in"
                                + " Caspio",
                        byMember ? "keys of the members stored here" : "every key",
                        members.size(),
                        tableRows,
                        gone);
            }
            run.brought(0, gone);
            return gone;
        });
    }

    /**
     * Lists the live keys of {@code scope} page by page and settles, page by page, the
     * stored notes of {@code members} (null: of every member) whose keys fall in each page's range against
     * that page; the last page's range is open-ended, so a stored key above Caspio's newest one that Caspio
     * does not hold goes too. Rows created while the listing runs were stored here after it began, which
     * keeps them (see {@code Merge}). Answers how many notes became tombstones.
     */
    private int settle(Scope scope, List<MemberId> members) {
        Instant readAt = clock.instant();
        Duration commitLag = Duration.ofSeconds(config.overlapSeconds());
        int gone = 0;
        long after = 0;
        while (true) {
            List<Long> page = caspio.pksAbove(scope, after, config.pageSize());
            Set<Long> live = new HashSet<>(page);
            boolean last = page.size() < config.pageSize();
            long to = last ? Long.MAX_VALUE : page.getLast();
            gone += store.reconciliation().applyListing(members, live, after, to, readAt, commitLag);
            if (last) {
                return gone;
            }
            after = to;
        }
    }
}
