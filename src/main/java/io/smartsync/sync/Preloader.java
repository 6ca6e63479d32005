package io.smartsync.sync;

import io.smartsync.caspio.CaspioException;
import io.smartsync.caspio.NotesTable;
import io.smartsync.caspio.Tally;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.Position;
import io.smartsync.store.PullResult;
import io.smartsync.store.Store;
import io.smartsync.store.SyncRun;
import io.smartsync.store.TableCursor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table-wide initial sync ("preload"): every row of the table read once, in (update stamp, {@code
 * PK_ID}) keyset pages, each page stored with the position it reached in one transaction, so a restart
 * resumes after the last stored page. Pages are read from Caspio while earlier ones are stored; those read
 * during one transaction are stored together in the next (at most {@link #MAX_PAGES_PER_TRANSACTION}, so
 * at most twice that many pages are held at a time). At the end every member whose initial sync was not complete is
 * marked synced, and one more read picks up rows changed while the last page was stored.
 *
 * <p>Members selected meanwhile stay correct: a page's transaction takes its members' write locks (on
 * PostgreSQL; SQLite runs one writer at a time), the store moves a member's cursor only forward, keeps
 * older stamps from replacing newer rows and leaves notes with queued writes alone, and
 * a member's cursor only ever rises to a row whose predecessors in cursor order were all read. One
 * preload at a time; thread-safe.
 */
final class Preloader {
    private static final Logger log = LoggerFactory.getLogger(Preloader.class);
    static final String CURSOR = "preload";
    /** At most this many pages are held waiting and stored in one transaction (memory stays bounded). */
    static final int MAX_PAGES_PER_TRANSACTION = 8;

    /** Whether a run started one from the top, resumed an unfinished one, or did nothing. */
    enum Start {
        STARTED,
        RESUMED,
        ALREADY_DONE
    }

    private final Store store;
    private final NotesTable caspio;
    private final SyncConfig config;
    private final SyncEvents events;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Set<MemberId> clearedMeanwhile = ConcurrentHashMap.newKeySet();

    Preloader(Store store, NotesTable caspio, SyncConfig config, SyncEvents events, Clock clock) {
        this.store = store;
        this.caspio = caspio;
        this.config = config;
        this.events = events;
        this.clock = clock;
    }

    /** Takes the right to run the next preload; false while one runs or is about to. */
    boolean claim() {
        return running.compareAndSet(false, true);
    }

    /**
     * An admin cleared the member's data while a preload runs: the pass may already have read some of its
     * rows, so at the end the member is cleared again instead of marked synced, and its next selection
     * syncs it from the start.
     */
    void cleared(MemberId member) {
        if (running.get()) {
            clearedMeanwhile.add(member);
        }
    }

    /**
     * Runs a preload on the calling thread, after a successful {@link #claim}, which it gives back at the
     * end: resumes an unfinished preload; otherwise starts from the top when {@code again}, or does nothing
     * when one has finished before.
     *
     * @throws CaspioException when Caspio could not be read; what was stored stays, and the next run resumes
     */
    Start run(boolean again) {
        try {
            Optional<TableCursor> before = store.progress().tableCursor(CURSOR);
            if (before.isPresent() && before.get().finishedAt() == null) {
                preload(before.get());
                return Start.RESUMED;
            }
            if (before.isPresent() && !again) {
                log.info(
                        "preload finished at {}; not run again (POST /api/sync/preload does)",
                        before.get().finishedAt());
                return Start.ALREADY_DONE;
            }
            TableCursor top = new TableCursor(null, 0, clock.instant(), null);
            store.progress().saveTableCursor(CURSOR, top);
            preload(top);
            return Start.STARTED;
        } finally {
            clearedMeanwhile.clear();
            running.set(false);
        }
    }

    private void preload(TableCursor from) {
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        long inserted = 0;
        long updated = 0;
        long pagesStored = 0;
        String outcome = "ok";
        try (Tally cost = caspio.tally();
                ExecutorService writer = Executors.newSingleThreadExecutor(
                        Thread.ofPlatform().name("smartsync-preload-store").factory())) {
            try {
                Position start = Position.of(from.stamp(), from.pk());
                long expected = Math.max(1, (caspio.countAfter(start) + config.pageSize() - 1) / config.pageSize());
                events.emit("sync.started", null, null, Map.of("type", "preload", "pagesExpected", expected));
                log.info(
                        "preload {} ({} pages of {} rows to read)",
                        from.stamp() == null ? "starts" : "resumes after " + from.stamp(),
                        expected,
                        config.pageSize());
                Iterator<List<Note>> pages = caspio.rows(start, config.pageSize());
                TableCursor reached = from;
                Future<PullResult> storing = CompletableFuture.completedFuture(PullResult.NONE);
                long inFlight = 0;
                List<Note> batch = new ArrayList<>();
                long batchPages = 0;
                while (pages.hasNext()) {
                    List<Note> rows = pages.next(); // read while earlier pages are being stored
                    batch.addAll(rows);
                    batchPages++;
                    reached = furthest(reached, rows);
                    // Pages read while a transaction runs go together into the next one, up to a limit: one
                    // commit rewrites every index page it touched, so fewer, larger commits write far less.
                    if (storing.isDone() || batchPages >= MAX_PAGES_PER_TRANSACTION || !pages.hasNext()) {
                        PullResult stored = storing.get();
                        inserted += stored.inserted();
                        updated += stored.updated();
                        pagesStored += inFlight;
                        if (inFlight > 0) {
                            progress(pagesStored, expected, inserted);
                        }
                        List<Note> write = batch;
                        TableCursor position = reached;
                        // Every page of the run is read after it began: the instant the merge weighs rows by.
                        storing =
                                writer.submit(() -> store.merges().applyPreloaded(write, CURSOR, position, startedAt));
                        inFlight = batchPages;
                        batch = new ArrayList<>();
                        batchPages = 0;
                    }
                }
                PullResult last = storing.get();
                inserted += last.inserted();
                updated += last.updated();
                pagesStored += inFlight;
                progress(pagesStored, expected, inserted);
                Instant finished = clock.instant();
                TableCursor end = new TableCursor(reached.stamp(), reached.pk(), reached.coversSince(), finished);
                int members = store.merges().finishPreload(CURSOR, end);
                PullResult late = catchUp(end);
                inserted += late.inserted();
                updated += late.updated();
                clearedMeanwhile.forEach(store.progress()::clearMember);
                log.info("preload done: {} notes stored, {} members marked synced", inserted, members);
            } catch (CaspioException e) {
                outcome = "failed: " + e.kind();
                log.warn("preload stopped ({}); it resumes after the last stored page", e.kind());
                throw e;
            } catch (InterruptedException e) {
                outcome = "interrupted";
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                outcome = "failed: store";
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                long ms = (System.nanoTime() - started) / 1_000_000;
                store.history()
                        .recordRun(new SyncRun(
                                startedAt,
                                ms,
                                "preload",
                                null,
                                cost.requests(),
                                cost.bytesIn(),
                                cost.bytesOut(),
                                cost.rows(),
                                (int) inserted,
                                (int) updated,
                                outcome));
                events.emit(
                        "sync.finished",
                        null,
                        null,
                        Map.of(
                                "type",
                                "preload",
                                "outcome",
                                outcome,
                                "newNotes",
                                inserted,
                                "updatedNotes",
                                updated,
                                "ms",
                                ms));
            }
        }
    }

    /**
     * Rows changed after the last page was read may have been skipped by the global poll while their
     * members were not yet synced; one read after the final position finds them (usually none).
     */
    private PullResult catchUp(TableCursor end) {
        Instant readAt = clock.instant();
        Iterator<List<Note>> pages = caspio.rows(Position.of(end.stamp(), end.pk()), config.pageSize());
        PullResult total = PullResult.NONE;
        TableCursor reached = end;
        while (pages.hasNext()) {
            List<Note> rows = pages.next();
            reached = furthest(reached, rows);
            total = total.plus(store.merges().applyPreloaded(rows, CURSOR, reached, readAt));
        }
        return total;
    }

    private void progress(long pagesDone, long expected, long notes) {
        events.emit(
                "sync.progress",
                null,
                null,
                Map.of(
                        "type",
                        "preload",
                        "pagesDone",
                        pagesDone,
                        "pagesExpected",
                        Math.max(expected, pagesDone),
                        "notes",
                        notes));
    }

    /** Pages come in cursor order: the last row of a page is the furthest position. */
    private static TableCursor furthest(TableCursor c, List<Note> rows) {
        if (rows.isEmpty() || rows.getLast().caspioStamp() == null) {
            return c;
        }
        Note tail = rows.getLast();
        return new TableCursor(tail.caspioStamp(), tail.pkId(), c.coversSince(), c.finishedAt());
    }
}
