package io.smartsync.sync;

import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.store.Served;
import io.smartsync.store.StatusAndCursor;
import io.smartsync.store.Store;
import io.smartsync.store.TableCursor;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff selecting a member: the member's notes, brought up to date first within {@code
 * selectionDeadlineMs}, else answered from the store marked stale while the pull goes on. Safe for use
 * from many threads; each pull runs on a named virtual thread.
 */
final class Selections {
    /** Its lines are the service's, as they were before this part had its own class. */
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final Store store;
    private final SyncEngine engine;
    private final SyncConfig config;
    private final ExecutorService selections = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("smartsync-select-", 0).factory());

    Selections(Store store, SyncEngine engine, SyncConfig config) {
        this.store = store;
        this.engine = engine;
        this.config = config;
    }

    /** See {@link SyncService#select(MemberId, Optional, AuditedRead)}. */
    MemberNotes select(MemberId member, Optional<Instant> changedSince, AuditedRead reader) {
        // The poll's cursor is read with the status, once for both questions a cached answer asks of it.
        StatusAndCursor read = store.progress().lastSync(member, Poller.CURSOR);
        MemberSyncStatus status = read.status().orElse(MemberSyncStatus.fresh(member));
        Optional<TableCursor> poll = read.cursor();
        SyncType type = SyncType.CACHED;
        if (!engine.answerFromStore(status, poll)) {
            type = pullWithinDeadline(member);
            read = store.progress().lastSync(member, Poller.CURSOR);
            status = read.status().orElse(MemberSyncStatus.fresh(member));
            poll = read.cursor();
        }
        status = CurrentStatus.of(poll, status);
        Served served = store.notes().serve(member, changedSince.orElse(null), reader == null ? null : reader.line());
        return new MemberNotes(
                member, served.notes(), Answers.outcome(type, served, status.totalNotesCount(), status.lastSyncAt()));
    }

    private SyncType pullWithinDeadline(MemberId member) {
        Future<SyncType> run = selections.submit(() -> engine.select(member));
        try {
            return run.get(config.selectionDeadlineMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.info("sync of member {} is past its deadline; answering from the store while it finishes", member);
            return SyncType.STALE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SyncType.STALE;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Takes no new selection. */
    void stopTaking() {
        selections.shutdown();
    }

    /** Waits for the running member syncs until the stop's deadline, then cuts them. */
    void awaitStop(Stopping stop) {
        stop.await(selections, engine::running, "member sync|member syncs", "each runs again when selected");
    }
}
