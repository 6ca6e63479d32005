package io.smartsync.sync;

import io.smartsync.caspio.CaspioException;
import io.smartsync.caspio.NotesTable;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.Position;
import io.smartsync.store.PullResult;
import io.smartsync.store.Store;
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
    private final RunRecorder runs;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Set<MemberId> clearedMeanwhile = ConcurrentHashMap.newKeySet();

    Preloader(Store store, NotesTable caspio, SyncConfig config, SyncEvents events, Clock clock) {
        this.store = store;
        this.caspio = caspio;
        this.config = config;
        this.events = events;
        this.clock = clock;
        this.runs = new RunRecorder(store.history(), caspio::tally, events, clock);
    }

    /** Takes the right to run the next preload; false while one runs or is about to. */
    boolean claim() {
        return running.compareAndSet(false, true);
    }

    /** True while a preload runs or is about to. */
    boolean running() {
        return running.get();
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
        try (RunRecorder.Run run = runs.start("preload", null).announceEnd();
                ExecutorService writer = Executors.newSingleThreadExecutor(
                        Thread.ofPlatform().name("smartsync-preload-store").factory())) {
            try {
                Position start = Position.of(from.stamp(), from.pk());
                long expected = Math.max(1, (caspio.countAfter(start) + config.pageSize() - 1) / config.pageSize());
                run.announce(Map.of("pagesExpected", expected));
                log.info(
                        "preload {} ({} pages of {} rows to read)",
                        from.stamp() == null ? "starts" : "resumes after " + from.stamp(),
                        expected,
                        config.pageSize());
                TableCursor reached = readAndStore(from, new Pipeline(writer, run, expected));
                finish(reached, run);
            } catch (CaspioException e) {
                run.ended(RunOutcome.of(e));
                log.warn("preload stopped ({}); it resumes after the last stored page", e.kind());
                throw e;
            } catch (InterruptedException e) {
                run.ended(RunOutcome.INTERRUPTED);
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                run.ended(RunOutcome.failed("store"));
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /** Reads every page after {@code from} while earlier ones are stored; answers the position reached. */
    private TableCursor readAndStore(TableCursor from, Pipeline pipeline)
            throws InterruptedException, ExecutionException {
        Iterator<List<Note>> pages = caspio.rows(Position.of(from.stamp(), from.pk()), config.pageSize());
        TableCursor reached = from;
        while (pages.hasNext()) {
            List<Note> rows = pages.next(); // read while earlier pages are being stored
            pipeline.add(rows);
            reached = furthest(reached, rows);
            if (pipeline.ready() || !pages.hasNext()) {
                pipeline.hand(reached);
            }
        }
        pipeline.settle(true);
        return reached;
    }

    /** Marks the members synced, picks up rows changed meanwhile, and clears again who was cleared meanwhile. */
    private void finish(TableCursor reached, RunRecorder.Run run) {
        TableCursor end = new TableCursor(reached.stamp(), reached.pk(), reached.coversSince(), clock.instant());
        int members = store.merges().finishPreload(CURSOR, end);
        run.brought(catchUp(end));
        clearedMeanwhile.forEach(store.progress()::clearMember);
        log.info("preload done: {} notes stored, {} members marked synced", run.newNotes(), members);
    }

    /**
     * The pages on their way to the store: one transaction runs on the writer thread while the next pages
     * are read, and the pages read meanwhile go together into the next one, up to a limit: one commit
     * rewrites every index page it touched, so fewer, larger commits write far less. Confined to the
     * preload's thread.
     */
    private final class Pipeline {
        private final ExecutorService writer;
        private final RunRecorder.Run run;
        private final long expected;
        private Future<PullResult> storing = CompletableFuture.completedFuture(PullResult.NONE);
        private long inFlight;
        private long pagesStored;
        private List<Note> batch = new ArrayList<>();
        private long batchPages;

        Pipeline(ExecutorService writer, RunRecorder.Run run, long expected) {
            this.writer = writer;
            this.run = run;
            this.expected = expected;
        }

        void add(List<Note> rows) {
            batch.addAll(rows);
            batchPages++;
        }

        /** True when the writer is free or the batch is as large as one transaction may be. */
        boolean ready() {
            return storing.isDone() || batchPages >= MAX_PAGES_PER_TRANSACTION;
        }

        /** Waits for the transaction running, then hands the batch to the writer with the position it reached. */
        void hand(TableCursor position) throws InterruptedException, ExecutionException {
            settle(false);
            List<Note> write = batch;
            // Every page of the run is read after it began: the instant the merge weighs rows by.
            Instant readAt = run.startedAt();
            storing = writer.submit(() -> store.merges().applyPreloaded(write, CURSOR, position, readAt));
            inFlight = batchPages;
            batch = new ArrayList<>();
            batchPages = 0;
        }

        /** Waits for the transaction running and counts it; tells the progress when it stored pages, or at the end. */
        void settle(boolean last) throws InterruptedException, ExecutionException {
            run.brought(storing.get());
            pagesStored += inFlight;
            if (inFlight > 0 || last) {
                progress(pagesStored, expected, run.newNotes());
            }
            inFlight = 0;
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
                SyncEvent.Type.SYNC_PROGRESS,
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
