package io.smartsync.sync;

import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.CaspioException;
import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.store.Coordination;
import io.smartsync.store.MemberBusyException;
import io.smartsync.store.PullResult;
import io.smartsync.store.Store;
import io.smartsync.store.TableCursor;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a member's notes up to date when staff select the member: the initial sync the first time,
 * an incremental pull after that. Every run is recorded with its cost. Safe for use from many threads;
 * one pull per member at a time (a second selection waits for the first), and a member's initial sync
 * runs on one instance at a time across instances sharing the store (another waits, then finds it done).
 */
final class SyncEngine {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

    private final Store store;
    private final RunRecorder runs;
    private final MemberPuller puller;
    private final Poller poller;
    private final Reconciler reconciler;
    private final long reconcileIntervalMs;
    private final Duration initialSyncWait;
    private final Clock clock;
    private final MemberLocks memberLocks = new MemberLocks();
    private final AtomicInteger running = new AtomicInteger();

    SyncEngine(
            Store store,
            CaspioClient caspio,
            MemberPuller puller,
            Poller poller,
            Reconciler reconciler,
            long reconcileIntervalMs,
            Duration initialSyncWait,
            SyncEvents events,
            Clock clock) {
        this.store = store;
        this.runs = new RunRecorder(store.history(), caspio::tally, events, clock);
        this.puller = puller;
        this.poller = poller;
        this.reconciler = reconciler;
        this.reconcileIntervalMs = reconcileIntervalMs;
        this.initialSyncWait = initialSyncWait;
        this.clock = clock;
    }

    /**
     * Brings the member up to date and says how: {@code cached} when the global poll already keeps it
     * fresh (no request), {@code stale} when Caspio could not be asked.
     */
    SyncType select(MemberId member) {
        return run(member, false);
    }

    /**
     * True when the store can answer the selection as it is ({@code cached}): the caller skips the pull
     * and its thread hand-off. It only reads and takes no lock. Deletes made in Caspio are found by the
     * scheduled check of every stored member ({@link Reconciler#checkStored}), never on a selection's
     * account; without a stamp that moves on edits, a selection whose periodic content check is due is
     * not answered from the store.
     */
    boolean answerFromStore(MemberSyncStatus status) {
        return answerFromStore(status, store.progress().tableCursor(Poller.CURSOR));
    }

    /** As {@link #answerFromStore(MemberSyncStatus)}, on the poll's cursor as the caller already read it. */
    boolean answerFromStore(MemberSyncStatus status, Optional<TableCursor> poll) {
        return status.initialSyncCompleted()
                && poller.keepsFresh(status.lastSyncAt(), poll)
                && (puller.cursorSeesEdits() || !reconcileDue(status.member()));
    }

    /**
     * A full check of one member: every row read again and compared (this catches even two edits within
     * one second, which the cursor cannot tell apart), and a reconcile of its keys for deletes.
     */
    SyncType force(MemberId member) {
        return run(member, true);
    }

    private boolean reconcileDue(MemberId member) {
        return store.reconciliation()
                .lastReconciled(member)
                .map(at -> at.plusMillis(reconcileIntervalMs).isBefore(clock.instant()))
                .orElse(true);
    }

    /** How many member syncs run (or wait for their member) now, for the stop's last word. */
    int running() {
        return running.get();
    }

    private SyncType run(MemberId member, boolean force) {
        running.incrementAndGet();
        MemberLocks.Held held = memberLocks.hold(member);
        try {
            MemberSyncStatus before = store.progress().lastSync(member).orElse(MemberSyncStatus.fresh(member));
            if (before.initialSyncCompleted()) {
                return pull(member, force, before);
            }
            Coordination.Held initialSync;
            try {
                initialSync = store.coordination().holdInitialSync(member, initialSyncWait);
            } catch (MemberBusyException e) {
                log.info("member {}: {}; answering from the store", member, e.getMessage());
                return SyncType.STALE;
            }
            try {
                // Another instance may have finished the initial sync while this one waited.
                return pull(member, force, store.progress().lastSync(member).orElse(MemberSyncStatus.fresh(member)));
            } finally {
                initialSync.close();
            }
        } finally {
            held.close();
            running.decrementAndGet();
        }
    }

    private SyncType pull(MemberId member, boolean force, MemberSyncStatus before) {
        if (!force && answerFromStore(before)) {
            return SyncType.CACHED;
        }
        SyncType type = before.initialSyncCompleted() ? SyncType.INCREMENTAL : SyncType.INITIAL;
        try (RunRecorder.Run run = runs.start(type.wireName(), member)
                .announce(Map.of())
                .logAs(type.wireName() + " sync of member " + member)) {
            try {
                run.brought(read(member, force, type, before));
                return type;
            } catch (CaspioException e) {
                run.ended(RunOutcome.of(e));
                if (!(run.outcome() instanceof RunOutcome.Interrupted)) {
                    log.warn(
                            "sync of member {} could not reach Caspio ({}): answering from the store",
                            member,
                            e.kind());
                }
                return SyncType.STALE;
            }
        }
    }

    /**
     * Reads what the run needs from Caspio and finishes the sync: in the last page's transaction, or after
     * the check for deletes when one is due.
     */
    private PullResult read(MemberId member, boolean force, SyncType type, MemberSyncStatus before) {
        boolean check = type == SyncType.INCREMENTAL && (force || (!puller.cursorSeesEdits() && reconcileDue(member)));
        // Without a stamp that moves on edits, the periodic check reads every row's content.
        boolean readAll = force || (check && !puller.cursorSeesEdits());
        PullResult found = type == SyncType.INITIAL
                ? puller.initial(before)
                : readAll ? puller.everything(before) : puller.incremental(before, !check);
        if (check) {
            reconciler.reconcile(member);
            store.progress().finishSync(member, clock.instant());
        } // an initial sync has just read every row: its finish marks the member's keys checked
        return found;
    }
}
