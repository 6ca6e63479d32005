package io.smartsync.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smartsync.access.ApiKeys;
import io.smartsync.access.AuditLog;
import io.smartsync.access.IdempotencyKeys;
import io.smartsync.access.Retention;
import io.smartsync.access.Sessions;
import io.smartsync.access.SignInLimits;
import io.smartsync.access.Users;
import io.smartsync.access.WebhookMessages;
import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.caspio.CaspioException;
import io.smartsync.caspio.CaspioPolicy;
import io.smartsync.caspio.NoteFields;
import io.smartsync.caspio.NoteRowMapper;
import io.smartsync.caspio.TableShape;
import io.smartsync.http.ApiServer;
import io.smartsync.http.ApiSettings;
import io.smartsync.http.FrontDoorSettings;
import io.smartsync.store.Store;
import io.smartsync.store.StoreLocation;
import io.smartsync.sync.SyncConfig;
import io.smartsync.sync.SyncReports;
import io.smartsync.sync.SyncService;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The service assembled from its parts: store, Caspio client, sync engine, HTTP API. Closed in reverse. */
final class ServiceRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceRuntime.class);

    private final Store store;
    private final HttpClient http;
    private final SyncService sync;
    private final ApiKeys keys;
    private final Users users;
    private final ApiServer api;
    private final Periodic retention;
    private final CaspioUsage usage;

    private ServiceRuntime(
            Store store,
            HttpClient http,
            SyncService sync,
            ApiKeys keys,
            Users users,
            ApiServer api,
            Periodic retention,
            CaspioUsage usage) {
        this.store = store;
        this.http = http;
        this.sync = sync;
        this.keys = keys;
        this.users = users;
        this.api = api;
        this.retention = retention;
        this.usage = usage;
    }

    /**
     * What a service starts with; {@link #of} gives the defaults for all but what it syncs, and the withers
     * change one part each.
     *
     * @param store where the notes, the queue and the access records live
     * @param caspio the Caspio account the service calls
     * @param table the notes table
     * @param sync the sync settings
     * @param policy how the Caspio client paces and retries its calls
     * @param api how the HTTP API listens and what it accepts
     * @param door what the front door checks beyond credentials
     * @param access how long sessions and audit lines last
     * @param instance the owner of this instance's outbox claims, which it takes back at start (a name kept
     *     across restarts, {@link InstanceName#of}, gets a crashed run's claims back at once)
     * @param cachedNotes how many notes the store keeps in memory for member reads (0: none)
     */
    record Setup(
            StoreLocation store,
            CaspioConfig caspio,
            String table,
            SyncConfig sync,
            CaspioPolicy policy,
            ApiSettings api,
            FrontDoorSettings door,
            AccessSettings access,
            String instance,
            int cachedNotes) {
        /**
         * The client policy of {@code sync} with no {@code SMARTSYNC_*} policy settings, plain HTTP on a free
         * loopback port with webhooks refused, the default front door and access settings, a random name.
         */
        static Setup of(StoreLocation store, CaspioConfig caspio, String table, SyncConfig sync) {
            return new Setup(
                    store,
                    caspio,
                    table,
                    sync,
                    SyncSettings.policy(new Env(Map.of()), sync),
                    ApiSettings.defaults("127.0.0.1", 0),
                    FrontDoorSettings.defaults(),
                    AccessSettings.defaults(),
                    InstanceName.random(),
                    Store.DEFAULT_CACHED_NOTES);
        }

        Setup withPolicy(CaspioPolicy policy) {
            return new Setup(store, caspio, table, sync, policy, api, door, access, instance, cachedNotes);
        }

        Setup withApi(ApiSettings api) {
            return new Setup(store, caspio, table, sync, policy, api, door, access, instance, cachedNotes);
        }

        Setup withDoor(FrontDoorSettings door) {
            return new Setup(store, caspio, table, sync, policy, api, door, access, instance, cachedNotes);
        }

        Setup withCachedNotes(int cachedNotes) {
            return new Setup(store, caspio, table, sync, policy, api, door, access, instance, cachedNotes);
        }
    }

    static ServiceRuntime start(Setup setup) {
        return start(setup, s -> {});
    }

    /**
     * Starts everything; {@code beforeReady} runs once the API listens and before {@code /health/ready}
     * says ready (it puts keys from the environment in place), then the first status read.
     */
    static ServiceRuntime start(Setup setup, Consumer<ServiceRuntime> beforeReady) {
        Clock clock = Clock.systemUTC();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Store store = Store.open(setup.store(), clock, setup.cachedNotes());
        log.info("store: {}", setup.store().redacted());
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        CaspioClient caspio = new CaspioClient(setup.caspio(), setup.policy(), http, clock, meters);
        NoteRowMapper mapper = mapperFor(caspio, NoteFields.defaults().withTable(setup.table()));
        SyncService sync =
                new SyncService(store, caspio, mapper, setup.sync(), clock, UUID::randomUUID, setup.instance());
        ApiKeys keys = new ApiKeys(store.access(), clock);
        Users users = new Users(store.access(), clock);
        Sessions sessions = new Sessions(
                store.access(),
                clock,
                setup.access().sessionIdle(),
                setup.access().sessionMaxAge());
        AuditLog audit = new AuditLog(store.access(), clock);
        SyncReports reports = new SyncReports(store.history(), store.reports(), caspio, clock);
        ApiServer api = ApiServer.start(
                setup.api(),
                setup.door(),
                new ApiServer.Parts(
                        sync,
                        reports,
                        keys,
                        users,
                        sessions,
                        audit,
                        new SignInLimits(
                                store.access().frontDoor(), setup.door().signIn(), clock),
                        new IdempotencyKeys(store.access().frontDoor(), clock),
                        new WebhookMessages(store.access().frontDoor(), clock),
                        meters,
                        clock));
        Periodic retention = Periodic.start(
                "smartsync-retention",
                Duration.ZERO,
                Duration.ofDays(1),
                new Retention(store.access(), clock, setup.access().auditRetention()));
        CaspioUsage usage = CaspioUsage.start(meters, store.reports(), clock, Duration.ofSeconds(2));
        sync.start();
        ServiceRuntime runtime = new ServiceRuntime(store, http, sync, keys, users, api, retention, usage);
        try {
            beforeReady.accept(runtime);
            reports.queue(); // the first status read: the store answers with what the dashboard shows
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        api.markReady();
        return runtime;
    }

    /**
     * Reads the table's fields to learn its cursor field, zone and member type, and says what that means.
     * When Caspio cannot be reached at start-up the service still starts, on the configured names.
     */
    static NoteRowMapper mapperFor(CaspioClient caspio, NoteFields names) {
        try {
            TableShape shape = TableShape.detect(caspio.fields(names.table()), names);
            shape.describe(names).forEach(line -> log.info("table {}: {}", names.table(), line));
            return new NoteRowMapper(names, shape);
        } catch (CaspioException e) {
            log.warn(
                    "could not read the fields of {} ({}); assuming {} (UTC) is the cursor and {} holds sync ids",
                    names.table(),
                    e.getMessage(),
                    names.updateStamp(),
                    names.syncId());
            return new NoteRowMapper(names, TableShape.syncReady(names));
        }
    }

    int port() {
        return api.port();
    }

    /** Starts the table-wide initial sync in the background, or resumes an unfinished one. */
    void preloadAtStart() {
        sync.preloadAtStart();
    }

    /** Tells the settings view which sync settings are in effect and where they came from. */
    void describeSettings(List<io.smartsync.sync.SyncSetting> inEffect) {
        sync.describeSettings(inEffect);
    }

    ApiKeys keys() {
        return keys;
    }

    /** The password-hashing pool of sign-ins. */
    io.smartsync.access.HashingPool hashing() {
        return api.hashing();
    }

    Users users() {
        return users;
    }

    /** The routes the API serves, as {@code "METHOD /path access"}. */
    List<String> endpoints() {
        return api.endpoints();
    }

    @Override
    public void close() {
        api.close();
        retention.close();
        sync.close();
        usage.close();
        http.close();
        store.close();
    }
}
