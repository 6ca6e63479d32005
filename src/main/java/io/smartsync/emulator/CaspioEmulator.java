package io.smartsync.emulator;

import io.javalin.Javalin;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Caspio look-alike: its SQLite file plus an HTTP server on 127.0.0.1. The data hooks act
 * on the tables as a person editing Caspio in a DataPage would, stamping timestamps as the REST path
 * does; they refuse what the REST API refuses, with {@link IllegalArgumentException}. Thread-safe.
 */
public final class CaspioEmulator implements AutoCloseable {

    public static final String NOTES_TABLE = "connect_tbl_clientnotes";

    private static final Logger log = LoggerFactory.getLogger(CaspioEmulator.class);

    private final RecordsEndpoint records;
    private final RecordStore store;
    private final Javalin http;
    private final int port;

    private CaspioEmulator(RecordsEndpoint records, RecordStore store, Javalin http) {
        this.records = records;
        this.store = store;
        this.http = http;
        this.port = http.port(); // kept: Javalin forgets it once stopped
    }

    /** Opens (or creates and seeds) {@code emulator.db} in the data directory and starts serving. */
    public static CaspioEmulator start(EmulatorConfig config) {
        Objects.requireNonNull(config, "config");
        List<TableDef> tables = NotesTable.ALL;
        EmulatorDatabase db = EmulatorDatabase.open(config.dataDir());
        int seeded = Seeder.createMissing(db, tables, config);
        RecordStore store = new RecordStore(db, config.clock());
        RecordsEndpoint records = new RecordsEndpoint(tables, store);
        TokenStore tokens = new TokenStore(config.clock(), config.tokenLifetime());
        OAuthEndpoint oauth = new OAuthEndpoint(config.clientId(), config.clientSecret(), tokens);
        Javalin http = EmulatorHttp.start(config.port(), oauth, tokens, records);
        log.info(
                "Caspio emulator listening on http://{}:{} (db {}, {})",
                EmulatorHttp.HOST,
                http.port(),
                db.file(),
                seeded < 0 ? "existing data" : "seeded " + seeded + " notes");
        return new CaspioEmulator(records, store, http);
    }

    public int port() {
        return port;
    }

    /** The account host: REST lives under {@code /rest/v2} and {@code /integrations/rest/v3}. */
    public URI baseUri() {
        return URI.create("http://" + EmulatorHttp.HOST + ":" + port());
    }

    /** Stops serving; the database needs no closing because every call opened its own connection. */
    @Override
    public void close() {
        http.stop();
        log.info("Caspio emulator on port {} stopped", port);
    }

    /** All rows of a table in PK_ID order, with values as the REST API answers them. */
    public List<Map<String, Object>> rows(String table) {
        return hook(() -> {
            TableDef def = records.table(table);
            RecordQuery all =
                    new RecordQuery(List.of(), false, null, List.of(def.pk().column()), Integer.MAX_VALUE, 0);
            return store.select(def, all);
        });
    }

    /** Inserts a row as a DataPage would and answers it as stored, including PK_ID. */
    public Map<String, Object> insert(String table, Map<String, Object> fields) {
        return hook(() -> {
            TableDef def = records.table(table);
            return store.insert(def, RecordBodies.fields(def, Responses.JSON.valueToTree(fields), false));
        });
    }

    /** Updates the row with this PK_ID; answers how many rows changed (0 or 1). */
    public int update(String table, long pkId, Map<String, Object> fields) {
        return hook(() -> {
            TableDef def = records.table(table);
            var values = RecordBodies.fields(def, Responses.JSON.valueToTree(fields), true);
            return store.update(def, values, SqlFragment.pkEquals(pkId)).size();
        });
    }

    /** Deletes the row with this PK_ID; answers how many rows went (0 or 1). */
    public int delete(String table, long pkId) {
        return hook(() -> store.delete(records.table(table), SqlFragment.pkEquals(pkId)));
    }

    private static <T> T hook(Supplier<T> action) {
        try {
            return action.get();
        } catch (CaspioApiException e) {
            throw new IllegalArgumentException(e.code() + ": " + e.getMessage(), e);
        }
    }
}
