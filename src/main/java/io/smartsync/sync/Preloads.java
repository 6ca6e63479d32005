package io.smartsync.sync;

import io.smartsync.caspio.CaspioException;
import io.smartsync.note.MemberId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the table-wide initial sync ({@link Preloader}) in the background, on demand or at start, and tries
 * again while Caspio cannot be read. Safe for use from many threads; one preload at a time, on its own
 * named thread.
 */
final class Preloads {
    /** Its lines are the service's, as they were before this part had its own class. */
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final Preloader preloader;
    private final SyncConfig config;
    private final ScheduledExecutorService preloads = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("smartsync-preload").daemon().factory());

    Preloads(Preloader preloader, SyncConfig config) {
        this.preloader = preloader;
        this.config = config;
    }

    /** See {@link SyncService#preload()}. */
    boolean preload() {
        if (!preloader.claim()) {
            return false;
        }
        preloads.execute(() -> preloadQuietly(true));
        return true;
    }

    /** See {@link SyncService#preloadAtStart()}. */
    void preloadAtStart() {
        if (preloader.claim()) {
            preloads.execute(() -> preloadQuietly(false));
        }
    }

    private void preloadQuietly(boolean again) {
        try {
            preloader.run(again);
        } catch (CaspioException e) {
            log.warn("preload could not read Caspio ({}); resuming in {} ms", e.kind(), config.autoSyncInterval());
            if (!preloads.isShutdown()) {
                preloads.schedule(this::preloadAtStart, config.autoSyncInterval(), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            log.error("preload failed: {}", e.toString());
        }
    }

    /** An admin cleared the member's data: a running preload clears it again at its end ({@link Preloader#cleared}). */
    void cleared(MemberId member) {
        preloader.cleared(member);
    }

    /** Takes no new work: a running preload goes on, a retry waiting for its delay is dropped. */
    void stopTaking() {
        if (preloader.running()) {
            preloads.shutdown();
        } else {
            preloads.shutdownNow(); // a retry waiting for its delay is dropped; the next start resumes
        }
    }

    /** Waits for a running preload until the stop's deadline, then cuts it. */
    void awaitStop(Stopping stop) {
        stop.await(preloads, () -> 1, "the preload", "it resumes after its last stored page");
    }
}
