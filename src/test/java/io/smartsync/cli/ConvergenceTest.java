package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartsync.store.StoreKind;
import io.smartsync.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Correctness rules 1 and 2 of DESIGN.md under faults, as a short run of the {@code soak} command: random
 * writes on both sides (creates, edits and deletes through the API; inserts, edits and deletes in Caspio),
 * 5xx, 429, connections cut after commit, late commits, early token expiry and clock skew, and SIGKILLs of
 * the service right after bursts of creates. Caspio's {@code Sync_ID} is not unique here, so only the
 * service's own look-up can prevent a duplicate, which is counted by sync id and by (member, comments,
 * author). No {@code retry-failed} and no forced full check: once the faults stop, the background loops
 * alone (poll, pusher, scheduled reconcile, at short intervals) must bring the store, read directly, to
 * equal Caspio, with nothing lost, duplicated, resurrected or parked. Repeatable from its seed:
 * {@code -Dconvergence.seed=N -Dconvergence.ops=N -Dconvergence.kills=N}; longer runs are the soak command's
 * (README).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ConvergenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Parameter
    StoreKind kind;

    @Test
    void the_loops_alone_bring_the_store_to_equal_caspio_after_random_writes_faults_and_kills() throws Exception {
        long seed = Long.getLong("convergence.seed", 20261125L);
        int ops = Integer.getInteger("convergence.ops", kind == StoreKind.SQLITE ? 400 : 300);
        int kills = Integer.getInteger("convergence.kills", kind == StoreKind.SQLITE ? 3 : 2);
        List<String> args = new ArrayList<>(List.of(
                "soak",
                "--ops",
                Integer.toString(ops),
                "--kills",
                Integer.toString(kills),
                "--seed",
                Long.toString(seed),
                "--drain-seconds",
                "60",
                "--dir",
                dir.toString()));
        if (kind == StoreKind.POSTGRES) {
            TestDatabase.requirePostgres();
            args.addAll(List.of("--db", TestDatabase.serverUrl(), "--instances", "2"));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int status = Main.run(args.toArray(String[]::new), Map.of(), new PrintWriter(out), new PrintWriter(err));

        System.out.print(err);
        String[] lines = out.toString().strip().split("\n");
        String last = lines[lines.length - 1];
        System.out.println("convergence (" + kind + "): " + last);
        JsonNode report = JSON.readTree(last);
        assertThat(report.path("ops").asInt()).isGreaterThanOrEqualTo(ops);
        assertThat(report.path("kills").asInt()).isEqualTo(kills);
        assertThat(report.path("accepted").asInt()).as("creates accepted").isPositive();
        assertThat(report.path("parked").asInt())
                .as("entries parked (no retry-failed was called)")
                .isZero();
        assertThat(report.path("lost").asInt()).as("accepted notes missing").isZero();
        assertThat(report.path("duplicated").asInt())
                .as("rows Caspio holds twice, by sync id or by content")
                .isZero();
        assertThat(report.path("resurrected").asInt())
                .as("deleted notes live again")
                .isZero();
        assertThat(report.path("membersDiffering").asInt())
                .as("members whose stored notes differ from Caspio (seed " + seed + "; see the problems above)")
                .isZero();
        assertThat(report.path("serverErrors").asInt())
                .as("5xx answers from the service")
                .isZero();
        assertThat(status).as("the soak command's exit status").isZero();
    }
}
