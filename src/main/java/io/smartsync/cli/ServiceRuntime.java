package io.smartsync.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartsync.access.ApiKeys;
import io.smartsync.access.AuditLog;
import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.caspio.CaspioPolicy;
import io.smartsync.caspio.NoteFields;
import io.smartsync.caspio.NoteRowMapper;
import io.smartsync.http.ApiServer;
import io.smartsync.store.JdbcStore;
import io.smartsync.store.LocalStore;
import io.smartsync.sync.SyncConfig;
import io.smartsync.sync.SyncService;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

/** The service assembled from its parts: store, Caspio client, sync engine, HTTP API. Closed in reverse. */
final class ServiceRuntime implements AutoCloseable {
    private final LocalStore store;
    private final HttpClient http;
    private final SyncService sync;
    private final ApiKeys keys;
    private final ApiServer api;

    private ServiceRuntime(LocalStore store, HttpClient http, SyncService sync, ApiKeys keys, ApiServer api) {
        this.store = store;
        this.http = http;
        this.sync = sync;
        this.keys = keys;
        this.api = api;
    }

    static ServiceRuntime start(
            Path dataDir,
            CaspioConfig caspioConfig,
            SyncConfig syncConfig,
            String host,
            int port,
            String webhookSecret) {
        Clock clock = Clock.systemUTC();
        MeterRegistry meters = new SimpleMeterRegistry();
        LocalStore store = JdbcStore.openSqlite(dataDir.resolve("smartsync.db"), clock);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        CaspioClient caspio = new CaspioClient(caspioConfig, policyFrom(syncConfig), http, clock, meters);
        // The demo table's stamps are in UTC; reading each field's zone from /fields comes with `setup`.
        NoteRowMapper mapper = new NoteRowMapper(NoteFields.defaults(), ZoneOffset.UTC);
        String instance = "instance-" + UUID.randomUUID().toString().substring(0, 8);
        SyncService sync = new SyncService(store, caspio, mapper, syncConfig, clock, UUID::randomUUID, instance);
        ApiKeys keys = new ApiKeys(store, clock);
        ApiServer api = ApiServer.start(host, port, sync, keys, new AuditLog(store, clock), webhookSecret);
        sync.start();
        return new ServiceRuntime(store, http, sync, keys, api);
    }

    /** The seed's retry settings drive the client; the breaker and rate limit keep their defaults. */
    static CaspioPolicy policyFrom(SyncConfig s) {
        CaspioPolicy d = CaspioPolicy.defaults();
        return new CaspioPolicy(
                s.maxRetryAttempts(),
                Duration.ofMillis(s.retryDelayMs()),
                d.maxRetryDelay(),
                Duration.ofMillis(s.syncTimeoutMs()),
                d.breakerFailures(),
                d.breakerDelay(),
                d.callsPerSecond(),
                d.seed());
    }

    int port() {
        return api.port();
    }

    ApiKeys keys() {
        return keys;
    }

    @Override
    public void close() {
        api.close();
        sync.close();
        http.close();
        store.close();
    }
}
