package io.smartsync.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartsync.access.ApiKeys;
import io.smartsync.access.AuditLog;
import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.caspio.CaspioException;
import io.smartsync.caspio.CaspioPolicy;
import io.smartsync.caspio.NoteFields;
import io.smartsync.caspio.NoteRowMapper;
import io.smartsync.caspio.TableShape;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The service assembled from its parts: store, Caspio client, sync engine, HTTP API. Closed in reverse. */
final class ServiceRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceRuntime.class);

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
            String table,
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
        NoteRowMapper mapper = mapperFor(caspio, NoteFields.defaults().withTable(table));
        String instance = "instance-" + UUID.randomUUID().toString().substring(0, 8);
        SyncService sync = new SyncService(store, caspio, mapper, syncConfig, clock, UUID::randomUUID, instance);
        ApiKeys keys = new ApiKeys(store, clock);
        ApiServer api = ApiServer.start(host, port, sync, keys, new AuditLog(store, clock), webhookSecret);
        sync.start();
        return new ServiceRuntime(store, http, sync, keys, api);
    }

    /**
     * Reads the table's fields to learn its cursor field, zone and member type, and says what that means.
     * When Caspio cannot be reached at start-up the service still starts, on the configured names.
     */
    static NoteRowMapper mapperFor(CaspioClient caspio, NoteFields names) {
        try {
            TableShape shape = TableShape.detect(caspio.fields(names.table()), names);
            shape.describe(names).forEach(line -> log.info("table {}: {}", names.table(), line));
            return NoteRowMapper.forShape(names, shape);
        } catch (CaspioException e) {
            log.warn(
                    "could not read the fields of {} ({}); assuming {} (UTC) is the cursor and {} holds sync ids",
                    names.table(),
                    e.getMessage(),
                    names.updateStamp(),
                    names.syncId());
            return new NoteRowMapper(names, ZoneOffset.UTC, false);
        }
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
