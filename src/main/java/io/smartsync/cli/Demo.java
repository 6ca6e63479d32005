package io.smartsync.cli;

import io.smartsync.access.ApiKeys;
import io.smartsync.access.Role;
import io.smartsync.access.Users;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.http.ApiSettings;
import io.smartsync.store.StoreLocation;
import io.smartsync.sync.SyncConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** The emulator and the service in one process, wired to each other over loopback HTTP. */
final class Demo implements AutoCloseable {
    private final CaspioEmulator emulator;
    private final ServiceRuntime service;
    /** The user the demo makes for the pages. */
    static final String DEMO_USER = "demo-admin";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String adminKey;
    private final String demoPassword;

    private Demo(CaspioEmulator emulator, ServiceRuntime service, String adminKey, String demoPassword) {
        this.emulator = emulator;
        this.service = service;
        this.adminKey = adminKey;
        this.demoPassword = demoPassword;
    }

    /**
     * What the demo starts with.
     *
     * @param port the service's HTTP port; 0 picks a free one
     * @param dataDir where both keep their files
     * @param apiKey the admin API key to use, or null for the one kept in {@code dataDir} or a new one
     * @param sync the sync settings
     * @param emulator the emulator's settings, its data directory in {@code dataDir}
     * @param store the service's store, or null for an SQLite file in {@code dataDir}
     */
    record Options(
            int port, Path dataDir, String apiKey, SyncConfig sync, EmulatorConfig emulator, StoreLocation store) {
        /** Both on free ports, an emulator of {@code members} members (otherwise its defaults), SQLite. */
        static Options of(Path dataDir, int members, SyncConfig sync) {
            EmulatorConfig emulator = EmulatorConfig.defaults(dataDir.resolve("emulator"))
                    .withPort(0)
                    .withMembers(members);
            return new Options(0, dataDir, null, sync, emulator, null);
        }

        /** The same options with the service's store at {@code location} instead of the data directory. */
        Options withStore(StoreLocation location) {
            return new Options(port, dataDir, apiKey, sync, emulator, location);
        }
    }

    /** The file in the data directory that keeps the demo's admin key (owner-only), so a restart reuses it. */
    static final String KEY_FILE = "admin-api-key";

    static Demo start(Options o) {
        return start(o, new Env(Map.of()), "--port");
    }

    /** The demo with the client policy's {@code SMARTSYNC_*} settings of {@code env}. */
    static Demo start(Options o, Env env, String portSetting) {
        Path dir = DataDir.prepare(o.dataDir(), "--data-dir");
        NativeSqlite.prepare(dir);
        CaspioEmulator emulator =
                Ports.naming("--emulator-port", o.emulator().port(), () -> CaspioEmulator.start(o.emulator()));
        try {
            CaspioConfig caspio = new CaspioConfig(
                    emulator.baseUri(),
                    "v2",
                    o.emulator().clientId(),
                    o.emulator().clientSecret(),
                    Duration.ofSeconds(10));
            ServiceRuntime service = Ports.naming(
                    portSetting,
                    o.port(),
                    () -> ServiceRuntime.start(ServiceRuntime.Setup.of(
                                    o.store() != null ? o.store() : StoreSettings.inDataDir(dir),
                                    caspio,
                                    CaspioEmulator.NOTES_TABLE,
                                    o.sync())
                            .withPolicy(SyncSettings.policy(env, o.sync()))
                            .withCachedNotes(StoreSettings.cachedNotes(env))
                            .withApi(ApiSettings.defaults("127.0.0.1", o.port()))));
            String key = adminKey(service.keys(), dir.resolve(KEY_FILE), o.apiKey());
            return new Demo(emulator, service, key, demoAdmin(service.users()));
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    /**
     * The demo's admin key: {@code --api-key} if given, else the one kept in the data directory by an
     * earlier start, else a new one; whichever it is, it is accepted and kept in the owner-only file.
     */
    private static String adminKey(ApiKeys keys, Path file, String given) {
        String kept = null;
        try {
            if (Files.exists(file)) {
                kept = Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
        } catch (IOException e) {
            throw new SettingException("--data-dir: cannot read " + file + ": " + e.getMessage());
        }
        String key = given != null ? given : kept != null && !kept.isEmpty() ? kept : null;
        key = key == null
                ? keys.issue("admin", "Demo Admin", Role.ADMIN).key()
                : keys.ensure(key, "admin", "Demo Admin", Role.ADMIN).key();
        if (!key.equals(kept)) {
            try {
                Files.writeString(DataDir.ownerOnlyFile(file), key + "\n", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new SettingException("--data-dir: cannot write " + file + ": " + e.getMessage());
            }
        }
        return key;
    }

    /**
     * Makes the demo's admin for the pages with a one-time password when the data directory is new;
     * answers the password then, or null when the user exists (its password was printed that first time).
     */
    private static String demoAdmin(Users users) {
        if (users.find(DEMO_USER).isPresent()) {
            return null;
        }
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        users.create(DEMO_USER, "Demo Admin", Role.ADMIN, password.toCharArray());
        return password;
    }

    /** The one-time password of {@link #DEMO_USER}, or empty when it was made by an earlier run. */
    Optional<String> demoPassword() {
        return Optional.ofNullable(demoPassword);
    }

    void describeSettings(java.util.List<io.smartsync.sync.SyncSetting> inEffect) {
        service.describeSettings(inEffect);
    }

    int port() {
        return service.port();
    }

    CaspioEmulator emulator() {
        return emulator;
    }

    String adminKey() {
        return adminKey;
    }

    @Override
    public void close() {
        service.close();
        emulator.close();
    }
}
