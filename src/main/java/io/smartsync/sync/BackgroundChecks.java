package io.smartsync.sync;

import io.smartsync.caspio.CaspioException;
import io.smartsync.store.Store;
import io.smartsync.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table-wide work on a schedule: the global poll, the delete check of the members stored here, the
 * reconcile of the table's keys (each on the one instance that holds the poller role) and the pruning of
 * the sync history; and the same poll and reconcile on demand. Safe for use from many threads; the poll
 * runs on a named thread of its own, the rest on another.
 */
final class BackgroundChecks {
    /** Its lines are the service's, as they were before this part had its own class. */
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final Store store;
    private final SyncConfig config;
    private final Clock clock;
    private final SyncEvents events;
    private final Poller poller;
    private final Reconciler reconciler;
    private final String instanceId;
    /** The poll has a thread of its own: a long delete check or table reconcile never makes it late. */
    private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("smartsync-poll").daemon().factory());

    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("smartsync-check").daemon().factory());

    BackgroundChecks(
            Store store,
            SyncConfig config,
            Clock clock,
            SyncEvents events,
            Poller poller,
            Reconciler reconciler,
            String instanceId) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.events = events;
        this.poller = poller;
        this.reconciler = reconciler;
        this.instanceId = instanceId;
    }

    /** Schedules the poll, the delete check, the table reconcile and the pruning (see {@link SyncService#start}). */
    void start() {
        polls.scheduleWithFixedDelay(this::pollQuietly, 0, config.autoSyncInterval(), TimeUnit.MILLISECONDS);
        checks.scheduleWithFixedDelay(
                this::checkStoredQuietly,
                config.reconcileIntervalMs(),
                config.reconcileIntervalMs(),
                TimeUnit.MILLISECONDS);
        checks.scheduleWithFixedDelay(
                this::reconcileQuietly,
                config.tableReconcileIntervalMs(),
                config.tableReconcileIntervalMs(),
                TimeUnit.MILLISECONDS);
        checks.scheduleWithFixedDelay(this::pruneQuietly, 0, 1, TimeUnit.HOURS);
    }

    /** A poll and a reconcile of the whole table now, whichever instance polls; stale when Caspio cannot be read. */
    SyncType forceTable() {
        try {
            poller.pollOnce();
            reconciler.reconcile(null);
            return SyncType.INCREMENTAL;
        } catch (CaspioException e) {
            log.warn("forced sync of the table could not reach Caspio ({})", e.kind());
            return SyncType.STALE;
        }
    }

    /** See {@link SyncService#pollerInstance()}. */
    Optional<String> pollerInstance() {
        try {
            return store.coordination().leader();
        } catch (StoreException e) {
            log.warn("cannot tell which instance polls: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** True when this instance holds, or has just taken, the poller role. */
    private boolean leads() {
        return store.coordination().lead(instanceId);
    }

    private void pollQuietly() {
        try {
            if (!leads()) {
                return;
            }
            poller.pollOnce();
        } catch (RuntimeException e) {
            poller.watch.failed(e.getClass().getSimpleName());
            log.error("global poll failed: {}", e.toString());
        }
    }

    /** The delete check of every member stored here (one instance at a time), every {@code reconcileIntervalMs}. */
    private void checkStoredQuietly() {
        try {
            if (!leads()) {
                return;
            }
            reconciler
                    .checkStored(poller.keysCovered())
                    .forEach((member, gone) -> events.emit(
                            SyncEvent.Type.SYNC_DELETED, member.value(), null, Map.of("deletedNotes", gone)));
        } catch (CaspioException e) {
            log.info(
                    "delete check could not reach Caspio ({}); it runs again in {} ms",
                    e.kind(),
                    config.reconcileIntervalMs());
        } catch (RuntimeException e) {
            log.warn("delete check failed: {}", e.toString());
        }
    }

    private void reconcileQuietly() {
        try {
            if (!leads()) {
                return;
            }
            reconciler.reconcile(null);
        } catch (RuntimeException e) {
            log.warn("scheduled reconcile failed: {}", e.toString());
        }
    }

    private void pruneQuietly() {
        try {
            int pruned =
                    store.history().pruneRuns(clock.instant().minus(Duration.ofDays(config.historyRetentionDays())));
            if (pruned > 0) {
                log.info("pruned {} sync runs older than {} days", pruned, config.historyRetentionDays());
            }
        } catch (RuntimeException e) {
            log.warn("pruning the sync history failed: {}", e.toString());
        }
    }

    /** Takes no new work: the periodic tasks are dropped; one that runs goes on. */
    void stopTaking() {
        polls.shutdown();
        checks.shutdown();
    }

    /** Waits for a running poll or check until the stop's deadline, then cuts it. */
    void awaitStop(Stopping stop) {
        stop.await(polls, () -> 1, "a poll", "it runs again after the restart");
        stop.await(checks, () -> 1, "a delete check or table reconcile", "it runs again after the restart");
    }
}
