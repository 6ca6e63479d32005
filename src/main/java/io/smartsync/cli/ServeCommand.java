package io.smartsync.cli;

import io.smartsync.access.Role;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.store.StoreException;
import io.smartsync.store.StoreLocation;
import io.smartsync.sync.SyncConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        header = "Runs the service against a real Caspio account.",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the service against the Caspio account named in the environment:",
            "  CASPIO_BASE_URL (https://<account>.caspio.com), CASPIO_CLIENT_ID,",
            "  CASPIO_CLIENT_SECRET or CASPIO_CLIENT_SECRET_FILE, CASPIO_API_VERSION (v2|v3, default v2),",
            "  SMARTSYNC_DB (an SQLite file, or a jdbc:postgresql:// URL that several instances share),",
            "  SMARTSYNC_DATA_DIR, SMARTSYNC_HOST, SMARTSYNC_PORT, SMARTSYNC_API_KEY (an admin key to accept),",
            "  SMARTSYNC_WEBHOOK_SECRET (accept Caspio outgoing webhooks carrying this secret),",
            "  SMARTSYNC_TLS_KEYSTORE and SMARTSYNC_TLS_KEYSTORE_PASSWORD[_FILE] (serve HTTPS),",
            "  SMARTSYNC_COOKIE_SECURE, SMARTSYNC_SESSION_IDLE_MINUTES, SMARTSYNC_SESSION_MAX_HOURS,",
            "  SMARTSYNC_AUDIT_RETENTION_DAYS, SMARTSYNC_FOLLOW_UP_STATUSES (a|b|c), SMARTSYNC_MEMBER_ID_PATTERN,",
            "  SMARTSYNC_MAX_REQUEST_BYTES, SMARTSYNC_PRELOAD (true: read the whole table at start-up),",
            "  SMARTSYNC_READ_CACHE_NOTES (notes kept in memory for member reads, 20000; 0: none),",
            "  SMARTSYNC_TRUSTED_PROXIES, SMARTSYNC_SIGNIN_* and SMARTSYNC_WEBHOOK_* (see README, Security);",
            "  and the sync settings (README, \"Sync settings\"), each a whole number unless said:",
            "  SMARTSYNC_AUTO_SYNC_INTERVAL_MS (30000), SMARTSYNC_MAX_RETRY_ATTEMPTS (3),",
            "  SMARTSYNC_RETRY_DELAY_MS (1000), SMARTSYNC_MAX_RETRY_DELAY_MS (30000),",
            "  SMARTSYNC_SYNC_TIMEOUT_MS (30000), SMARTSYNC_BATCH_SIZE (50), SMARTSYNC_OFFLINE_QUEUE_LIMIT (1000),",
            "  SMARTSYNC_PUSH_LEASE_MS (15000), SMARTSYNC_PUSH_HEARTBEAT_MS (a third of the lease, at most 5000),",
            "  SMARTSYNC_PUSH_CONCURRENCY (10), SMARTSYNC_OVERLAP_SECONDS (5), SMARTSYNC_PAGE_SIZE (1000),",
            "  SMARTSYNC_SELECTION_DEADLINE_MS (2000), SMARTSYNC_RECONCILE_INTERVAL_MS (300000),",
            "  SMARTSYNC_TABLE_RECONCILE_INTERVAL_MS (86400000), SMARTSYNC_CONFLICT_POLICY (last-write-wins,",
            "  server-wins, local-wins or manual), SMARTSYNC_BREAKER_FAILURES (5), SMARTSYNC_BREAKER_DELAY_MS",
            "  (the poll interval), SMARTSYNC_CALLS_PER_SECOND (0: none), SMARTSYNC_HISTORY_RETENTION_DAYS (90).",
            "Each may also be a key of the --config file (KEY=value lines); the environment wins over the file."
        })
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "HTTP port [SMARTSYNC_PORT] (default 8080).")
    Integer port;

    @Option(
            names = "--data-dir",
            description = "Where the SQLite store lives [SMARTSYNC_DATA_DIR] (default ./smartsync-data).")
    Path dataDir;

    @Option(
            names = "--db",
            description = "An SQLite file or a jdbc:postgresql:// URL [SMARTSYNC_DB] (default: in the data dir).")
    String db;

    @Mixin
    ConfigOption config;

    private final Env environment;

    ServeCommand(Env env) {
        this.environment = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        return config.run(environment, this::serve);
    }

    private int serve(Env env) throws InterruptedException {
        CaspioConfig caspio = CaspioSettings.fromEnv(env);
        SyncConfig sync = SyncSettings.fromEnv(env);
        boolean preload = SyncSettings.preloadAtStart(env);
        int httpPort = port != null ? Env.parsePort("--port", port.toString()) : env.port("SMARTSYNC_PORT", 8080);
        String host = env.get("SMARTSYNC_HOST").orElse("127.0.0.1");
        Path dir = DataDir.prepare(
                dataDir != null
                        ? dataDir
                        : Path.of(env.get("SMARTSYNC_DATA_DIR").orElse("./smartsync-data")),
                dataDir != null ? "--data-dir" : "SMARTSYNC_DATA_DIR");
        NativeSqlite.prepare(dir);
        String adminKey = env.get("SMARTSYNC_API_KEY").orElse(null);
        if (adminKey != null && adminKey.length() < 16) {
            throw new SettingException("SMARTSYNC_API_KEY must be at least 16 characters");
        }
        StoreLocation store = StoreSettings.resolve(env, db, dir);
        int cachedNotes = StoreSettings.cachedNotes(env);
        ServiceRuntime service;
        try {
            service = Ports.naming(
                    port != null ? "--port" : "SMARTSYNC_PORT",
                    httpPort,
                    () -> ServiceRuntime.start(
                            new ServiceRuntime.Setup(
                                    store,
                                    caspio,
                                    CaspioSettings.table(env),
                                    sync,
                                    SyncSettings.policy(env, sync),
                                    HttpSettings.fromEnv(env, host, httpPort),
                                    FrontDoorEnv.fromEnv(env),
                                    AccessSettings.fromEnv(env),
                                    InstanceName.of(dir),
                                    cachedNotes),
                            s -> {
                                if (adminKey != null) {
                                    s.keys().ensure(adminKey, "admin", "Administrator", Role.ADMIN);
                                }
                            }));
        } catch (StoreException e) {
            throw new SettingException(
                    StoreSettings.source(env, db).orElse(dataDir != null ? "--data-dir" : "SMARTSYNC_DATA_DIR") + ": "
                            + e.getMessage());
        }
        service.describeSettings(SyncSettings.describe(env, sync, SyncSettings.policy(env, sync), preload));
        if (preload) {
            service.preloadAtStart();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                "Smart Sync is serving " + (env.get("SMARTSYNC_TLS_KEYSTORE").isPresent() ? "https" : "http") + "://"
                        + host + ":" + service.port() + " against " + caspio.baseUrl());
        out.flush();
        UntilStopped.await(service);
        return 0;
    }
}
