package io.smartsync.cli;

import io.smartsync.store.Store;
import io.smartsync.store.StoreLocation;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the store lives: {@code --db}, else {@code SMARTSYNC_DB} (an SQLite file path or a
 * {@code jdbc:postgresql:} URL, which several instances may share), else {@code smartsync.db} in the data
 * directory. A bad value names the setting it came from; a password in the URL is never printed.
 */
final class StoreSettings {
    static final String VARIABLE = "SMARTSYNC_DB";
    static final String CACHED_NOTES = "SMARTSYNC_READ_CACHE_NOTES";
    /** A bound past which the cache would hold more than a default heap should give it. */
    private static final long MOST_CACHED_NOTES = 10_000_000;

    private StoreSettings() {}

    /** The setting that chose the store, for messages, or empty when the data directory did. */
    static Optional<String> source(Env env, String dbFlag) {
        if (dbFlag != null) {
            return Optional.of("--db");
        }
        return env.get(VARIABLE).map(v -> VARIABLE);
    }

    static StoreLocation resolve(Env env, String dbFlag, Path dataDir) {
        Optional<String> value = dbFlag != null ? Optional.of(dbFlag) : env.get(VARIABLE);
        if (value.isEmpty()) {
            return inDataDir(dataDir);
        }
        String name = source(env, dbFlag).orElseThrow();
        try {
            StoreLocation location = StoreLocation.parse(value.get());
            return location.isPostgres()
                    ? location
                    : StoreLocation.sqlite(
                            DataDir.ownerOnlyFile(location.sqliteFile().toAbsolutePath()));
        } catch (IllegalArgumentException e) {
            throw new SettingException(name + " " + e.getMessage());
        }
    }

    /**
     * How many notes the store keeps in memory for member reads, all members together
     * ({@code SMARTSYNC_READ_CACHE_NOTES}; 0 switches the cache off).
     */
    static int cachedNotes(Env env) {
        long n = env.whole(CACHED_NOTES, Store.DEFAULT_CACHED_NOTES);
        if (n < 0 || n > MOST_CACHED_NOTES) {
            throw new SettingException(
                    CACHED_NOTES + " must be between 0 (no cache) and " + MOST_CACHED_NOTES + ", was " + n);
        }
        return (int) n;
    }

    static StoreLocation inDataDir(Path dataDir) {
        return StoreLocation.sqlite(DataDir.ownerOnlyFile(dataDir.resolve("smartsync.db")));
    }
}
