package io.smartsync.cli;

import io.smartsync.access.AuditLog;
import io.smartsync.store.AccessRecords;
import io.smartsync.store.Store;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The store of a data directory, opened by the {@code keys} and {@code users} commands (a running
 * service may have it open too: SQLite lets them take turns). Each admin action is audited with the
 * operating-system user who ran it.
 */
final class AccessStore implements AutoCloseable {
    private final Store store;
    private final AuditLog audit;
    private final String actor;

    private AccessStore(Store store, Clock clock) {
        this.store = store;
        this.audit = new AuditLog(store.access(), clock);
        this.actor = "cli:" + System.getProperty("user.name", "unknown");
    }

    /**
     * {@code SMARTSYNC_DB} (the store several instances share), else {@code smartsync.db} in {@code
     * --data-dir}, else in {@code SMARTSYNC_DATA_DIR}, else in ./smartsync-data.
     */
    static AccessStore open(Env env, Path dataDir) {
        Path fallback = Path.of("./smartsync-data");
        if (dataDir == null
                && env.get("SMARTSYNC_DATA_DIR").isEmpty()
                && env.get("SMARTSYNC_DB").isEmpty()
                && !java.nio.file.Files.isDirectory(fallback)) {
            // Not made silently: a command run from the wrong directory would find no users or keys.
            throw new SettingException("there is no data directory " + fallback + " here; name the service's with"
                    + " --data-dir (or SMARTSYNC_DATA_DIR, or SMARTSYNC_DB)");
        }
        Path dir = DataDir.prepare(
                dataDir != null
                        ? dataDir
                        : Path.of(env.get("SMARTSYNC_DATA_DIR").orElse("./smartsync-data")),
                dataDir != null ? "--data-dir" : "SMARTSYNC_DATA_DIR");
        Clock clock = Clock.systemUTC();
        return new AccessStore(Store.open(StoreSettings.resolve(env, null, dir), clock), clock);
    }

    AccessRecords records() {
        return store.access();
    }

    void audited(String action, String subject, String outcome) {
        audit.record(actor, action, null, subject, outcome);
    }

    @Override
    public void close() {
        store.close();
    }
}
