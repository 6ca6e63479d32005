package io.smartsync.sync;

import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.CaspioException;
import io.smartsync.caspio.CaspioTime;
import io.smartsync.caspio.Keyset;
import io.smartsync.caspio.NoteFields;
import io.smartsync.caspio.NoteRowMapper;
import io.smartsync.caspio.Tally;
import io.smartsync.note.Note;
import io.smartsync.store.LocalStore;
import io.smartsync.store.PullResult;
import io.smartsync.store.SyncRun;
import io.smartsync.store.TableCursor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global poll: one keyset pass over every row changed since a table-wide cursor, applied to the
 * members already synced. While it keeps running, a member staff return to is already fresh and is
 * answered with no request. Thread-safe; one poll at a time.
 */
final class Poller {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    static final String CURSOR = "poll";

    private final LocalStore store;
    private final CaspioClient caspio;
    private final NoteRowMapper mapper;
    private final SyncConfig config;
    private final Clock clock;
    private final LagWatch lag;
    /** When the last poll that ran to its end started reading, on this service's clock; null until one has. */
    private Instant lastCompleteReadAt;

    Poller(LocalStore store, CaspioClient caspio, NoteRowMapper mapper, SyncConfig config, LagWatch lag, Clock clock) {
        this.store = store;
        this.caspio = caspio;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
        this.lag = lag;
    }

    /**
     * True when the poll has kept the member fresh: its chain of runs covers every change since the
     * member's last sync, and its last run finished within {@code autoSyncInterval}.
     */
    boolean keepsFresh(Instant memberSyncedAt) {
        Optional<TableCursor> c = store.tableCursor(CURSOR);
        return memberSyncedAt != null
                && c.isPresent()
                && c.get().finishedAt() != null
                && !c.get().coversSince().isAfter(memberSyncedAt)
                && c.get().finishedAt().plusMillis(config.autoSyncInterval()).isAfter(clock.instant());
    }

    synchronized void pollOnce() {
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        NoteFields f = mapper.fields();
        Optional<TableCursor> before = store.tableCursor(CURSOR);
        PullResult total = PullResult.NONE;
        String outcome = "ok";
        try (Tally cost = caspio.tally()) {
            try {
                if (before.isEmpty() || before.get().stamp() == null) {
                    start(f, startedAt);
                    return;
                }
                TableCursor reached = before.get();
                Keyset from = settled(reached)
                        ? new Keyset(reached.stamp(), reached.pk())
                        : Keyset.atOrAfter(CaspioTime.minusSeconds(reached.stamp(), config.overlapSeconds()));
                Iterator<List<Map<String, Object>>> pages =
                        caspio.pages(f.table(), null, f.updateStamp(), f.pk(), from, config.pageSize());
                while (pages.hasNext()) {
                    List<Note> rows = new ArrayList<>();
                    pages.next().forEach(r -> rows.add(mapper.fromRow(r)));
                    boolean last = !pages.hasNext();
                    if (!rows.isEmpty()) {
                        reached = furthest(reached, rows.getLast());
                    }
                    TableCursor step = new TableCursor(
                            reached.stamp(),
                            reached.pk(),
                            reached.coversSince(),
                            last ? clock.instant() : reached.finishedAt());
                    PullResult page = store.applyPolled(rows, step);
                    lag.observe(before.get().stamp(), rows, page.insertedIds());
                    total = total.plus(page);
                }
                lastCompleteReadAt = startedAt;
            } catch (CaspioException e) {
                outcome = "failed: " + e.kind();
                log.warn("global poll failed ({}); members are synced on selection until it runs again", e.kind());
            } finally {
                long ms = (System.nanoTime() - started) / 1_000_000;
                store.recordRun(new SyncRun(
                        startedAt,
                        ms,
                        "poll",
                        null,
                        cost.requests(),
                        cost.bytesIn(),
                        cost.bytesOut(),
                        cost.rows(),
                        total.inserted(),
                        total.updated(),
                        outcome));
            }
        }
    }

    /**
     * True when the last complete poll read the table more than the overlap (plus the Date header's one
     * second, twice) after the cursor's stamp by Caspio's clock: every row stamped at or before the cursor
     * was visible to that read (rule 3 keeps commit lag under the overlap), so re-reading the overlap
     * would only fetch rows already stored. An idle table then costs an empty answer per poll.
     */
    private boolean settled(TableCursor c) {
        ZoneId zone = mapper.shape().cursorZone();
        if (lastCompleteReadAt == null || zone == null) {
            return false;
        }
        Instant readByCaspio = lastCompleteReadAt.plus(caspio.clockOffset());
        return CaspioTime.toInstant(c.stamp(), zone)
                .plusSeconds(config.overlapSeconds() + 2)
                .isBefore(readByCaspio);
    }

    /** The first run only finds where the table ends now; the chain covers changes from then on. */
    private void start(NoteFields f, Instant startedAt) {
        List<Map<String, Object>> newest =
                caspio.select(f.table(), null, f.updateStamp() + " DESC, " + f.pk() + " DESC", 1);
        String stamp = newest.isEmpty()
                ? "1900-01-01T00:00:00"
                : String.valueOf(newest.getFirst().get(f.updateStamp()));
        long pk = newest.isEmpty() ? 0 : ((Number) newest.getFirst().get(f.pk())).longValue();
        store.saveTableCursor(CURSOR, new TableCursor(stamp, pk, startedAt, null));
        log.info("global poll starts from {} (changes from now on are covered)", stamp);
    }

    private static TableCursor furthest(TableCursor c, Note row) {
        int cmp = CaspioTime.parseLocal(row.caspioStamp()).compareTo(CaspioTime.parseLocal(c.stamp()));
        if (cmp < 0 || (cmp == 0 && row.pkId() <= c.pk())) {
            return c;
        }
        return new TableCursor(row.caspioStamp(), row.pkId(), c.coversSince(), c.finishedAt());
    }
}
