package io.smartsync.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.caspio.CaspioException;
import io.smartsync.caspio.CaspioPolicy;
import io.smartsync.caspio.FieldInfo;
import io.smartsync.caspio.NoteFields;
import io.smartsync.caspio.TableShape;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "setup",
        header = "Checks the notes table in Caspio and adds missing sync fields.",
        mixinStandardHelpOptions = true,
        description = {
            "Reads the notes table's fields in Caspio and says what sync can do with them: which field is the",
            "cursor, whether edits made in Caspio are seen, whether creates are idempotent. With --apply it adds",
            "the missing Last_Modified (TIMESTAMP, on insert and update, UTC) and Sync_ID (unique text) fields.",
            "The account comes from CASPIO_BASE_URL, CASPIO_CLIENT_ID, CASPIO_CLIENT_SECRET[_FILE], CASPIO_TABLE.",
            "Exit status: 0 nothing missing (or added with --apply), 3 fields missing without --apply,",
            "1 Caspio refused or failed, 2 a setting is missing or malformed."
        })
final class SetupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--apply", description = "Add the missing fields (asks nothing more: this flag is the consent).")
    boolean apply;

    private final Env env;

    SetupCommand(Env env) {
        this.env = env;
    }

    /** The exit status when the table lacks what the service needs and {@code --apply} was not given. */
    static final int MISSING = 3;

    @Override
    public Integer call() {
        CaspioConfig config = CaspioSettings.fromEnv(env);
        NoteFields names = NoteFields.defaults().withTable(CaspioSettings.table(env));
        PrintWriter out = spec.commandLine().getOut();
        try (HttpClient http = HttpClient.newHttpClient()) {
            CaspioClient caspio = new CaspioClient(
                    config, CaspioPolicy.defaults(), http, Clock.systemUTC(), new SimpleMeterRegistry());
            TableShape shape = TableShape.detect(caspio.fields(names.table()), names);
            out.println("Table " + names.table() + " at " + config.baseUrl() + ":");
            shape.describe(names).forEach(line -> out.println("  " + line));
            List<FieldInfo> missing = shape.missingFields(names);
            if (missing.isEmpty()) {
                out.println("Nothing to do: incremental sync sees edits and creates are idempotent.");
                return 0;
            }
            missing.forEach(f -> out.println("  missing: " + f.name() + " (" + f.type() + ") - " + f.description()));
            if (!apply) {
                out.println("Run again with --apply to add " + (missing.size() == 1 ? "it" : "them") + ".");
                return MISSING; // a deployment script stops here rather than serve a table it cannot follow
            }
            for (FieldInfo f : missing) {
                caspio.addField(names.table(), f);
                out.println("  added: " + f.name());
            }
            TableShape after = TableShape.detect(caspio.fields(names.table()), names);
            after.describe(names).forEach(line -> out.println("  " + line));
            out.println("Rows written before " + names.updateStamp() + " existed carry no stamp until they are next"
                    + " edited; the reconcile pass still covers them.");
            return 0;
        } catch (CaspioException e) {
            spec.commandLine().getErr().println("smartsync setup: " + e.getMessage());
            return 1;
        }
    }
}
