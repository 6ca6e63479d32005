package io.smartsync.emulator;

import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Caspio look-alike: its SQLite file plus an HTTP server on 127.0.0.1, with faults on demand.
 * The data hooks act on the tables as a person editing Caspio in a DataPage would, stamping timestamps
 * as the REST path does; they refuse what the REST API refuses, with {@link IllegalArgumentException},
 * and they are never subject to faults. The fault controls apply to Caspio API calls, not to
 * {@code /oauth/token} (latency aside) nor to {@code /_emulator/*}. Thread-safe.
 */
public final class CaspioEmulator implements AutoCloseable {

    public static final String NOTES_TABLE = "connect_tbl_clientnotes";

    private static final Logger log = LoggerFactory.getLogger(CaspioEmulator.class);

    private final EmulatorDatabase db;
    private final Catalog catalog;
    private final RecordStore store;
    private final FaultInjector faults;
    private final StatsCounters stats;
    private final WriteWatch writes;
    private final TokenStore tokens;
    private final LateCommits late;
    private final Javalin http;
    private final int port;

    private CaspioEmulator(
            EmulatorDatabase db,
            Catalog catalog,
            RecordStore store,
            FaultInjector faults,
            StatsCounters stats,
            WriteWatch writes,
            TokenStore tokens,
            LateCommits late,
            Javalin http) {
        this.db = db;
        this.catalog = catalog;
        this.store = store;
        this.faults = faults;
        this.stats = stats;
        this.writes = writes;
        this.tokens = tokens;
        this.late = late;
        this.http = http;
        this.port = http.port(); // kept: Javalin answers -2 once stopped
    }

    /** Opens (or creates and seeds) {@code emulator.db} in the data directory and starts serving. */
    public static CaspioEmulator start(EmulatorConfig config) {
        Objects.requireNonNull(config, "config");
        EmulatorDatabase db = EmulatorDatabase.open(config.dataDir());
        try {
            return start(config, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static CaspioEmulator start(EmulatorConfig config, EmulatorDatabase db) {
        FaultInjector faults = new FaultInjector(config.faults(), config.seed());
        Clock clock = new SkewedClock(config.clock(), () -> faults.config().clockSkew());
        Catalog.Opened opened = Catalog.open(db, config);
        StatsCounters stats = new StatsCounters();
        WriteWatch writes = new WriteWatch();
        LateCommits late = new LateCommits();
        RecordStore store = new RecordStore(db, clock, late);
        TokenStore tokens = new TokenStore(
                config.clock(), config.tokenLifetime(), () -> faults.config().tokenExpiry());
        EmulatorHttp.Routes routes = new EmulatorHttp.Routes(
                new RequestGate(tokens, faults, stats, writes, clock),
                new OAuthEndpoint(config.clientId(), config.clientSecret(), tokens),
                new FieldsEndpoint(opened.catalog()),
                new RecordsEndpoint(opened.catalog(), store, stats),
                new ViewsEndpoint(opened.catalog(), store, stats),
                new AdminEndpoint(faults, stats, late));
        Javalin http = EmulatorHttp.start(config.port(), routes);
        log.info(
                "Caspio emulator listening on http://{}:{} (db {}, {}, faults '{}', seed {})",
                EmulatorHttp.HOST,
                http.port(),
                db.file(),
                opened.seeded() < 0
                        ? "existing data"
                        : "seeded " + opened.seeded() + " notes, " + config.shape() + " table",
                config.faults().spec(),
                config.seed());
        return new CaspioEmulator(db, opened.catalog(), store, faults, stats, writes, tokens, late, http);
    }

    public int port() {
        return port;
    }

    /** The account host: REST lives under {@code /rest/v2} and {@code /integrations/rest/v3}. */
    public URI baseUri() {
        return URI.create("http://" + EmulatorHttp.HOST + ":" + port());
    }

    /** Stops serving and closes the database connections kept open; the data hooks still work after. */
    @Override
    public void close() {
        http.stop();
        db.close();
        log.info("Caspio emulator on port {} stopped", port);
    }

    // ---- faults ----

    /** Replaces the random faults at runtime and restarts their random sequence from the seed. */
    public void faults(FaultConfig faults) {
        this.faults.configure(Objects.requireNonNull(faults, "faults"), this.faults.seed());
    }

    public FaultConfig faults() {
        return faults.config();
    }

    /**
     * The next {@code count} Caspio API calls answer {@code status} with Caspio's error body before
     * doing anything.
     *
     * @param status 500 or 503 (any 5xx is accepted)
     */
    public void failNext(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("failNext: status " + status + " is not a 5xx (use 500 or 503)");
        }
        faults.failNext(notNegative("failNext", count), status);
    }

    /** The next {@code count} calls answer 429 with {@code Retry-After} (whole seconds, rounded up, at least 1). */
    public void throttleNext(int count, Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("throttleNext: retryAfter " + retryAfter + " is negative");
        }
        faults.throttleNext(notNegative("throttleNext", count), retryAfter);
    }

    /** The next {@code count} record writes that succeed are committed, then their connection is cut unanswered. */
    public void dropNextAfterCommit(int count) {
        faults.dropNextAfterCommit(notNegative("dropNextAfterCommit", count));
    }

    /** Every token issued so far is refused from now on (401); new tokens work. */
    public void expireTokens() {
        tokens.revokeAll();
    }

    public EmulatorStats stats() {
        return stats.snapshot();
    }

    public void resetStats() {
        stats.reset();
    }

    /**
     * Calls {@code listener} with each Caspio call as it arrives, before its answer: the method and the
     * decoded query string ({@code GET q.select=COUNT(*)&q.where=…}), for tests that tell requests of one
     * kind apart. One listener at a time; it runs on the serving thread, so it must be quick and thread-safe.
     */
    public void onRequest(Consumer<String> listener) {
        stats.onRequest(listener);
    }

    /** The record writes seen so far: how many are in flight, the most at once, and each one's span. */
    public EmulatorWrites writes() {
        return writes.snapshot();
    }

    /** Forgets the writes seen so far; the most in flight starts again from those in flight now. */
    public void resetWrites() {
        writes.reset();
    }

    // ---- data hooks ----

    /**
     * All rows of a table in PK_ID order, with values as the REST API answers them; rows that a late
     * commit still hides from REST reads are included.
     */
    public List<Map<String, Object>> rows(String table) {
        return hook(() -> {
            TableDef def = catalog.table(table);
            return store.selectStored(def, RecordQuery.all(def));
        });
    }

    /** Inserts a row as a DataPage would and answers it as stored, including PK_ID. */
    public Map<String, Object> insert(String table, Map<String, Object> fields) {
        return hook(() -> {
            TableDef def = catalog.table(table);
            return store.insert(def, RecordBodies.fields(def, Responses.JSON.valueToTree(fields), false), null);
        });
    }

    /** Updates the row with this PK_ID; answers how many rows changed (0 or 1). */
    public int update(String table, long pkId, Map<String, Object> fields) {
        return hook(() -> {
            TableDef def = catalog.table(table);
            var values = RecordBodies.fields(def, Responses.JSON.valueToTree(fields), true);
            return store.update(def, values, SqlFragment.pkEquals(pkId), null).size();
        });
    }

    /** Deletes the row with this PK_ID; answers how many rows went (0 or 1). */
    public int delete(String table, long pkId) {
        return hook(() -> store.delete(catalog.table(table), SqlFragment.pkEquals(pkId)));
    }

    private static int notNegative(String what, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(what + ": count " + count + " is negative");
        }
        return count;
    }

    private static <T> T hook(Supplier<T> action) {
        try {
            return action.get();
        } catch (CaspioApiException e) {
            throw new IllegalArgumentException(e.code() + ": " + e.getMessage(), e);
        }
    }
}
