package io.smartsync.sync;

import io.smartsync.caspio.NotesTable;
import io.smartsync.caspio.Scope;
import io.smartsync.caspio.Tally;
import io.smartsync.note.MemberId;
import io.smartsync.store.LocalStore;
import io.smartsync.store.StoredKeys;
import io.smartsync.store.SyncRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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

    private final LocalStore store;
    private final NotesTable caspio;
    private final SyncConfig config;
    private final Clock clock;

    Reconciler(LocalStore store, NotesTable caspio, SyncConfig config, Clock clock) {
        this.store = store;
        this.caspio = caspio;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The cheap check of one member: Caspio's count of the member's rows up to the highest key stored
     * here, against the live notes stored with those keys. Rows made since have higher keys and do not
     * count, so the two differ only when a row was deleted (or is not stored yet); only then are the
     * member's keys listed. Answers how many notes were tombstoned.
     */
    int check(MemberId member) {
        StoredKeys here = store.storedKeys(member);
        if (here.count() > 0) {
            Instant startedAt = clock.instant();
            long started = System.nanoTime();
            long there;
            try (Tally cost = caspio.tally()) {
                there = caspio.count(member, here.maxPk());
                record(startedAt, started, member, cost, 0);
            }
            if (there != here.count()) {
                return reconcile(member);
            }
        }
        store.markReconciled(member, clock.instant());
        return 0;
    }

    /**
     * Checks one member's rows (null: the whole table, see {@link #reconcileTable}); answers how many notes
     * were tombstoned.
     */
    int reconcile(MemberId member) {
        if (member == null) {
            return reconcileTable();
        }
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        try (Tally cost = caspio.tally()) {
            int gone = settle(Scope.member(member), List.of(member));
            store.markReconciled(member, clock.instant());
            record(startedAt, started, member, cost, gone);
            if (gone > 0) {
                log.info("reconcile of {}: {} notes deleted in Caspio", member, gone);
            }
            return gone;
        }
    }

    /**
     * The table-wide safety net for deletes. Only stored notes can be tombstoned, so while the members
     * stored here hold under half of the table's rows (a service that holds what its staff look at), only
     * their keys are listed, by member in OR chains that fit a request; when they hold more, or their
     * chains would take more requests than the table's keys, every key of the table is listed, page by
     * page, as before. Either way a table of any size is checked in bounded memory.
     */
    private int reconcileTable() {
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        try (Tally cost = caspio.tally()) {
            List<MemberId> members = store.membersWithCaspioRows();
            int gone = 0;
            if (!members.isEmpty()) {
                List<List<MemberId>> groups = caspio.memberGroups(members);
                long tableRows = caspio.count();
                long tablePages = (tableRows + config.pageSize() - 1) / config.pageSize();
                boolean byMember = store.storedKeys(null).count() * 2 < tableRows && groups.size() <= tablePages;
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
            record(startedAt, started, null, cost, gone);
            return gone;
        }
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
            gone += store.applyListing(members, live, after, to, readAt, commitLag);
            if (last) {
                return gone;
            }
            after = to;
        }
    }

    private void record(Instant startedAt, long started, MemberId member, Tally cost, int gone) {
        store.recordRun(new SyncRun(
                startedAt,
                (System.nanoTime() - started) / 1_000_000,
                "reconcile",
                member == null ? null : member.value(),
                cost.requests(),
                cost.bytesIn(),
                cost.bytesOut(),
                cost.rows(),
                0,
                gone,
                "ok"));
    }
}
