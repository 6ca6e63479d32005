package io.smartsync.cli;

import io.smartsync.access.ApiKeys;
import io.smartsync.access.Role;
import io.smartsync.access.Users;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.store.StoreLocation;
import io.smartsync.sync.SyncConfig;
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

    record Options(
            int port,
            int emulatorPort,
            Path dataDir,
            int members,
            String apiKey,
            String clientId,
            String clientSecret,
            SyncConfig sync,
            FaultConfig faults,
            long seed,
            StoreLocation store) {

        /** On an SQLite file in the data directory. */
        Options(
                int port,
                int emulatorPort,
                Path dataDir,
                int members,
                String apiKey,
                String clientId,
                String clientSecret,
                SyncConfig sync,
                FaultConfig faults,
                long seed) {
            this(port, emulatorPort, dataDir, members, apiKey, clientId, clientSecret, sync, faults, seed, null);
        }

        /** Without faults, seed 42: for callers that do not test faults. */
        Options(
                int port,
                int emulatorPort,
                Path dataDir,
                int members,
                String apiKey,
                String clientId,
                String clientSecret,
                SyncConfig sync) {
            this(port, emulatorPort, dataDir, members, apiKey, clientId, clientSecret, sync, FaultConfig.NONE, 42L);
        }

        /** The same options with the service's store at {@code location} instead of the data directory. */
        Options withStore(StoreLocation location) {
            return new Options(
                    port, emulatorPort, dataDir, members, apiKey, clientId, clientSecret, sync, faults, seed, location);
        }
    }

    static Demo start(Options o) {
        Path dir = DataDir.prepare(o.dataDir(), "--data-dir");
        NativeSqlite.prepare(dir);
        CaspioEmulator emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                .withPort(o.emulatorPort())
                .withMembers(o.members())
                .withClientId(o.clientId())
                .withClientSecret(o.clientSecret())
                .withFaults(o.faults())
                .withSeed(o.seed()));
        try {
            CaspioConfig caspio =
                    new CaspioConfig(emulator.baseUri(), "v2", o.clientId(), o.clientSecret(), Duration.ofSeconds(10));
            ServiceRuntime service = ServiceRuntime.start(
                    o.store() != null ? o.store() : StoreSettings.inDataDir(dir),
                    caspio,
                    CaspioEmulator.NOTES_TABLE,
                    o.sync(),
                    SyncSettings.policy(new Env(Map.of()), o.sync()),
                    "127.0.0.1",
                    o.port(),
                    null);
            ApiKeys keys = service.keys();
            ApiKeys.IssuedKey key = o.apiKey() == null
                    ? keys.issue("admin", "Demo Admin", Role.ADMIN)
                    : keys.ensure(o.apiKey(), "admin", "Demo Admin", Role.ADMIN);
            return new Demo(emulator, service, key.key(), demoAdmin(service.users()));
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
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
