package io.smartsync.cli;

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

    static StoreLocation inDataDir(Path dataDir) {
        return StoreLocation.sqlite(DataDir.ownerOnlyFile(dataDir.resolve("smartsync.db")));
    }
}
