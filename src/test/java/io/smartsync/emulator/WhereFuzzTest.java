package io.smartsync.emulator;

import static io.smartsync.emulator.EmulatorClient.V2;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-based: thousands of generated {@code q.where} clauses over HTTP. Valid ones must select
 * exactly the rows their meaning (evaluated here in Java) selects; hostile ones must never fail the
 * server nor leak SQLite's own error text. Rerun one failure with {@code -Demulator.fuzz.seed=<seed>};
 * {@code -Demulator.fuzz.cases=<n>} changes the hostile cases per seed (default 500, over four seeds).
 */
class WhereFuzzTest {

    static final long BASE_SEED = Long.getLong("emulator.fuzz.seed", 20_260_117L);
    /** Hostile cases per seed; valid ones, which each hit the database, are half as many. */
    static final int CASES = Integer.getInteger("emulator.fuzz.cases", 500);

    static final List<String> LEAKS = List.of("sqlite", "syntax error", "no such column", "sqlexception", "near \"");

    @TempDir
    static Path dir;

    static CaspioEmulator emulator;
    static EmulatorClient client;
    static List<Map<String, Object>> rows;

    @BeforeAll
    static void start() {
        emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir).withPort(0).withMembers(0));
        client = new EmulatorClient(emulator).login("demo", "demo-secret");
        for (int i = 0; i < 45; i++) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("Note_ID", "fuzz-" + i);
            fields.put("Client_ID2", WhereGenerator.MEMBERS.get(i % WhereGenerator.MEMBERS.size()));
            emulator.insert(CaspioEmulator.NOTES_TABLE, fields);
        }
        rows = emulator.rows(CaspioEmulator.NOTES_TABLE);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** Four seeds from the base, so one failing seed does not hide what the others find. */
    static Stream<Long> seeds() {
        return LongStream.range(0, 4).mapToObj(i -> BASE_SEED + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void valid_filters_return_exactly_the_rows_their_meaning_selects(long seed) {
        WhereGenerator generator = new WhereGenerator(seed);
        for (int i = 0; i < CASES / 2; i++) {
            WhereMeaning cond = generator.cond(3);
            String where = generator.render(cond);
            String context = context(seed, i, where);

            var answer = client.get(V2 + "/records", "q.where", where, "q.select", "PK_ID", "q.limit", "1000");

            assertThat(answer.status()).as(context + "\n" + answer.body()).isEqualTo(200);
            Set<Long> returned = answer.result().stream()
                    .map(r -> r.get("PK_ID").asLong())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<Long> expected = rows.stream()
                    .filter(r -> Boolean.TRUE.equals(cond.eval(r)))
                    .map(r -> ((Number) r.get("PK_ID")).longValue())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(returned).as(context).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void hostile_filters_never_fail_the_server_nor_leak_sqlite_errors(long seed) {
        WhereGenerator generator = new WhereGenerator(seed);
        for (int i = 0; i < CASES; i++) {
            String where = generator.hostile(generator.cond(3));
            String context = context(seed, i, where);

            var answer = client.get(V2 + "/records", "q.where", where, "q.select", "PK_ID", "q.limit", "1000");

            assertThat(answer.status()).as(context + "\n" + answer.body()).isIn(200, 400, 414);
            if (answer.status() != 200) {
                assertThat(answer.json().get("Code").asText()).as(context).isNotBlank();
            }
            String body = answer.body().toLowerCase(Locale.ROOT);
            String asked = where.toLowerCase(Locale.ROOT);
            for (String leak : LEAKS) {
                if (body.contains(leak)) {
                    assertThat(asked)
                            .as(context + "\nanswer leaks '" + leak + "': " + answer.body())
                            .contains(leak);
                }
            }
        }
    }

    static String context(long seed, int index, String where) {
        return "seed " + seed + " case " + index + " (rerun: -Demulator.fuzz.seed=" + seed + ") q.where=" + where;
    }
}
