package io.smartsync.cli;

import io.smartsync.access.Role;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.http.ApiSettings;
import io.smartsync.http.FrontDoorSettings;
import io.smartsync.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The service over real HTTP against the emulator over real HTTP, with an admin key, a staff key and a
 * webhook secret, for the API's tests.
 */
final class ApiFixture implements AutoCloseable {
    static final String WEBHOOK_SECRET = "webhook-secret-for-tests";

    final CaspioEmulator emulator;
    final ServiceRuntime service;
    final String adminKey;
    final String staffKey;
    private final Function<CaspioEmulator, ServiceRuntime> starter;

    private ApiFixture(CaspioEmulator emulator, Function<CaspioEmulator, ServiceRuntime> starter) {
        this.emulator = emulator;
        this.starter = starter;
        this.service = starter.apply(emulator);
        this.adminKey = service.keys().issue("admin-1", "Ada Admin", Role.ADMIN).key();
        this.staffKey = service.keys().issue("staff-1", "Sam Staff", Role.STAFF).key();
    }

    static ApiFixture start(Path dir, int members) {
        return start(dir, members, s -> s);
    }

    static ApiFixture start(Path dir, int members, UnaryOperator<ApiSettings> settings) {
        return start(dir, members, settings, SyncConfig.builder().pageSize(10).build());
    }

    static ApiFixture start(Path dir, int members, UnaryOperator<ApiSettings> settings, SyncConfig sync) {
        return start(dir, members, settings, sync, FrontDoorSettings.defaults());
    }

    static ApiFixture start(
            Path dir, int members, UnaryOperator<ApiSettings> settings, SyncConfig sync, FrontDoorSettings door) {
        CaspioEmulator emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                .withPort(0)
                .withMembers(members)
                .withClientId("demo")
                .withClientSecret("demo-secret"));
        Function<CaspioEmulator, ServiceRuntime> starter = e -> ServiceRuntime.start(ServiceRuntime.Setup.of(
                        StoreSettings.inDataDir(DataDir.prepare(dir.resolve("service"), "test")),
                        new CaspioConfig(e.baseUri(), "v2", "demo", "demo-secret", Duration.ofSeconds(10)),
                        CaspioEmulator.NOTES_TABLE,
                        sync)
                .withApi(settings.apply(ApiSettings.defaults("127.0.0.1", 0).withWebhookSecret(WEBHOOK_SECRET)))
                .withDoor(door));
        try {
            return new ApiFixture(emulator, starter);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    /** Stops the service alone and starts it again on its data directory, against the same emulator. */
    ApiFixture restarted() {
        service.close();
        return new ApiFixture(emulator, starter);
    }

    int port() {
        return service.port();
    }

    Caller anonymous() {
        return Caller.anonymous(port());
    }

    Caller admin() {
        return anonymous().withKey(adminKey);
    }

    Caller staff() {
        return anonymous().withKey(staffKey);
    }

    @Override
    public void close() {
        service.close();
        emulator.close();
    }
}
