package io.smartsync.sync;

import io.smartsync.caspio.CaspioException;
import io.smartsync.caspio.NotesTable;
import io.smartsync.caspio.RowKey;
import io.smartsync.note.CaspioStamp;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.Position;
import io.smartsync.store.MemberCursor;
import io.smartsync.store.PullResult;
import io.smartsync.store.Store;
import io.smartsync.store.TableCursor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global poll: one keyset pass over every row changed since a table-wide cursor, applied to the
 * members already synced. While it keeps running, a member staff return to is already fresh and is
 * answered with no request. It reads the changed rows' keys, members and stamps first and then the full
 * rows of members synced here only, so its cost follows the members this service holds, not the table;
 * while nearly every change is of a member synced here it reads full rows at once. Thread-safe; one poll
 * at a time.
 */
final class Poller {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    static final String CURSOR = "poll";

    private final Store store;
    private final NotesTable caspio;
    private final SyncConfig config;
    private final Clock clock;
    private final LagWatch lag;
    private final RunRecorder runs;
    /**
     * At or above this share of changed rows of members synced here, the poll reads full rows at once (a
     * keys-only row is about a tenth of a full one, so below it keys first cost fewer bytes).
     */
    static final double FULL_ROWS_SHARE = 0.9;
    /** The share is a running average over about this many changed rows. */
    static final int SHARE_ROWS = 20;

    /** Of the rows the poll saw changing lately, the share of members synced here; keys first until known. */
    private double syncedShare;

    private boolean lastKeysFirst = true;
    /** Whether the poll keeps failing, for /health. */
    final PollWatch watch;

    /** When the last poll that ran to its end started reading, on this service's clock; null until one has. */
    private Instant lastCompleteReadAt;

    /**
     * The highest Caspio key stored here just before the last poll that ran to its end began: keys only
     * grow, so every row at or below it existed then and that poll saw it if it changed. 0 until one has.
     */
    private volatile long keysCovered;

    Poller(Store store, NotesTable caspio, SyncConfig config, LagWatch lag, Clock clock) {
        this.store = store;
        this.caspio = caspio;
        this.config = config;
        this.clock = clock;
        this.lag = lag;
        this.runs = new RunRecorder(store.history(), caspio::tally, null, clock);
        this.watch = new PollWatch(clock);
    }

    /**
     * True when the poll has kept the member fresh: its chain of runs covers every change since the
     * member's last sync, and its last run finished within {@code autoSyncInterval} plus {@code
     * selectionDeadlineMs}. The next run starts {@code autoSyncInterval} after the last one finished and
     * takes a moment of its own; without that allowance every member would turn stale for the length of
     * each poll, and a visit then would ask Caspio what the running poll is asking. So a cached answer
     * lags Caspio by at most one interval plus the time a selection may wait for a pull.
     */
    boolean keepsFresh(Instant memberSyncedAt) {
        return keepsFresh(memberSyncedAt, store.progress().tableCursor(CURSOR));
    }

    /** As {@link #keepsFresh(Instant)}, on the poll's cursor {@code c} as the caller already read it. */
    boolean keepsFresh(Instant memberSyncedAt, Optional<TableCursor> c) {
        return memberSyncedAt != null
                && c.isPresent()
                && c.get().finishedAt() != null
                && !c.get().coversSince().isAfter(memberSyncedAt)
                && c.get()
                        .finishedAt()
                        .plusMillis(config.autoSyncInterval() + config.selectionDeadlineMs())
                        .isAfter(clock.instant());
    }

    /** See {@link #keysCovered}: the bound below which the delete check compares counts. */
    long keysCovered() {
        return keysCovered;
    }

    synchronized void pollOnce() {
        try (RunRecorder.Run run = runs.start("poll", null).logAs("poll")) {
            try {
                Optional<TableCursor> before = store.progress().tableCursor(CURSOR);
                if (before.isEmpty() || !usable(before.get().stamp())) {
                    start(run.startedAt());
                } else {
                    long storedBefore = store.reconciliation().highestKey();
                    readChanges(before.get(), run);
                    lastCompleteReadAt = run.startedAt();
                    keysCovered = storedBefore;
                }
                watch.ok();
            } catch (CaspioException e) {
                run.ended(RunOutcome.of(e));
                if (run.outcome() instanceof RunOutcome.Interrupted) {
                    return; // the service is stopping: the poll runs again after the restart
                }
                watch.failed(String.valueOf(e.kind()) + (e.caspioCode() == null ? "" : " " + e.caspioCode()));
                log.warn("global poll failed ({}); members are synced on selection until it runs again", e.kind());
            }
        }
    }

    /** Reads the changes after the cursor page by page and applies each page with the cursor it reached. */
    private void readChanges(TableCursor before, RunRecorder.Run run) {
        TableCursor reached = before;
        // PK_ID is positive: position 0 of a stamp is before every row with that stamp.
        Position from = settled(reached)
                ? Position.of(reached.stamp(), reached.pk())
                : new Position(CaspioStamp.parse(reached.stamp()).minusSeconds(config.overlapSeconds()), 0);
        boolean keysFirst = keysFirst();
        Iterator<Page> pages = pages(from, keysFirst);
        while (pages.hasNext()) {
            Page page = pages.next();
            boolean last = !pages.hasNext();
            Changes mine = ofMembersSyncedHere(page, keysFirst);
            if (!page.keys().isEmpty()) {
                reached = furthest(reached, page.keys().getLast());
            }
            TableCursor step = new TableCursor(
                    reached.stamp(),
                    reached.pk(),
                    reached.coversSince(),
                    last ? clock.instant() : reached.finishedAt());
            PullResult applied = store.merges().applyPolled(mine.rows(), mine.positions(), step, run.startedAt());
            lag.observe(before.stamp(), mine.rows(), applied.insertedIds());
            run.brought(applied);
        }
    }

    /** A page of changed rows: keys, members and stamps, and the full rows when they were read at once. */
    private record Page(List<RowKey> keys, List<Note> rows) {}

    /** The full rows of a page's members synced here, and how far the page read each of those members. */
    private record Changes(List<Note> rows, List<MemberCursor> positions) {}

    /** The changes after {@code from}: keys only with {@code keysFirst}, else full rows. */
    private Iterator<Page> pages(Position from, boolean keysFirst) {
        return keysFirst
                ? adapt(caspio.keys(from, config.pageSize()), keys -> new Page(keys, null))
                : adapt(
                        caspio.rows(from, config.pageSize()),
                        rows -> new Page(rows.stream().map(Poller::keyOf).toList(), rows));
    }

    private static <T> Iterator<Page> adapt(Iterator<T> pages, Function<T, Page> page) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pages.hasNext();
            }

            @Override
            public Page next() {
                return page.apply(pages.next());
            }
        };
    }

    private static RowKey keyOf(Note row) {
        return new RowKey(row.member(), Position.of(row.caspioStamp(), row.pkId()));
    }

    /**
     * Which rows of a page concern this service, in full. Asked after the read: a member whose first sync
     * runs meanwhile and is not complete yet has these rows read by that sync, which reads every row of
     * the member to its end (the store asks again when it applies the rows, so a member cleared meanwhile
     * gets none). With {@code keysFirst} the page holds keys, members and stamps only, and the
     * full rows are read by key now; one changed again since comes newer (fine: the member's cursor stays
     * at the position read here), one deleted since does not come (the delete checks find it).
     */
    private Changes ofMembersSyncedHere(Page page, boolean keysFirst) {
        Map<MemberId, MemberCursor> reachedOf = new LinkedHashMap<>();
        for (RowKey key : page.keys()) {
            CaspioStamp stamp = key.position().stamp();
            if (stamp != null) {
                // Rows come in (stamp, PK_ID) order: a member's last row in the page is its furthest.
                reachedOf.put(key.member(), new MemberCursor(key.member(), stamp.wire(), key.pk()));
            }
        }
        Set<MemberId> synced = store.progress()
                .syncedAmong(page.keys().stream().map(RowKey::member).collect(Collectors.toSet()));
        List<RowKey> ofSynced =
                page.keys().stream().filter(k -> synced.contains(k.member())).toList();
        observe(page.keys().size(), ofSynced.size());
        List<Note> rows = keysFirst
                ? caspio.rowsByPk(ofSynced.stream().map(RowKey::pk).toList())
                : page.rows().stream().filter(n -> synced.contains(n.member())).toList();
        List<MemberCursor> positions = reachedOf.values().stream()
                .filter(p -> synced.contains(p.member()))
                .toList();
        return new Changes(rows, positions);
    }

    /**
     * Keys first while most changed rows are of members not synced here (a service that holds the members
     * its staff look at); full rows at once when nearly all are (after a preload, say), where the keys
     * would only add a request and a tenth to the bytes.
     */
    private boolean keysFirst() {
        boolean keysFirst = syncedShare < FULL_ROWS_SHARE;
        if (keysFirst != lastKeysFirst) {
            log.info(
                    "global poll now reads {}: {}% of the rows changed lately are of members synced here",
                    keysFirst ? "keys first, then full rows of members synced here" : "full rows",
                    Math.round(syncedShare * 100));
            lastKeysFirst = keysFirst;
        }
        return keysFirst;
    }

    /** Folds a page's rows into the running share of changed rows that are of members synced here. */
    private void observe(int rows, int ofSynced) {
        if (rows == 0) {
            return;
        }
        double weight = 1 - Math.pow(1 - 1.0 / SHARE_ROWS, rows);
        syncedShare += ((double) ofSynced / rows - syncedShare) * weight;
    }

    /**
     * True when the last complete poll read the table more than the overlap (plus the Date header's one
     * second, twice) after the cursor's stamp by Caspio's clock: every row stamped at or before the cursor
     * was visible to that read (rule 3 keeps commit lag under the overlap), so re-reading the overlap
     * would only fetch rows already stored. An idle table then costs an empty answer per poll.
     */
    private boolean settled(TableCursor c) {
        ZoneId zone = caspio.shape().cursorZone();
        if (lastCompleteReadAt == null || zone == null) {
            return false;
        }
        Instant readByCaspio = lastCompleteReadAt.plus(caspio.clockOffset());
        return CaspioStamp.parse(c.stamp())
                .toInstant(zone)
                .plusSeconds(config.overlapSeconds() + 2)
                .isBefore(readByCaspio);
    }

    /**
     * A stored cursor the poll can go on from. An earlier version stored the text {@code null} when the
     * update stamp had just been added to a table (every row without a stamp): that one starts over.
     */
    private static boolean usable(String stamp) {
        if (stamp == null) {
            return false;
        }
        try {
            return CaspioStamp.parseOrNull(stamp) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The first run only finds where the table ends now; the chain covers changes from then on. */
    private void start(Instant startedAt) {
        Optional<RowKey> newest = caspio.newestKey();
        String stamp =
                newest.map(k -> k.position().stamp()).map(CaspioStamp::wire).orElse("1900-01-01T00:00:00");
        long pk = newest.map(RowKey::pk).orElse(0L);
        store.progress().saveTableCursor(CURSOR, new TableCursor(stamp, pk, startedAt, null));
        log.info("global poll starts from {} (changes from now on are covered)", stamp);
    }

    /** The rows come in cursor order, but an overlap re-reads rows below the cursor: it never moves back. */
    private static TableCursor furthest(TableCursor c, RowKey row) {
        Position at = row.position();
        if (at.stamp() == null || !at.isAfter(Position.of(c.stamp(), c.pk()))) {
            return c;
        }
        return new TableCursor(at.stamp().wire(), at.pk(), c.coversSince(), c.finishedAt());
    }
}
