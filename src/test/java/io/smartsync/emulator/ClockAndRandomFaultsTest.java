package io.smartsync.emulator;

import static io.smartsync.emulator.EmulatorClient.V2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults about time and chance, over real HTTP: the clock moves by hand, random faults come from the seed. */
class ClockAndRandomFaultsTest {

    @TempDir
    static Path dir;

    static MutableClock clock = new MutableClock(Instant.parse("2026-01-17T10:00:00Z"));
    static CaspioEmulator emulator;
    static EmulatorClient client;

    @BeforeAll
    static void start() {
        emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir)
                .withPort(0)
                .withMembers(0)
                .withSeed(7)
                .withClock(clock));
        for (int i = 1; i <= 5; i++) {
            emulator.insert(CaspioEmulator.NOTES_TABLE, Map.of("Note_ID", "seed-" + i, "Client_ID2", "CL000001"));
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void cleanSlate() {
        client = new EmulatorClient(emulator).login("demo", "demo-secret");
        assertThat(client.admin("POST", "/_emulator/reset", null).status()).isEqualTo(200);
    }

    @Test
    void token_expiry_fault_ends_tokens_early_though_expires_in_promises_a_day() {
        emulator.faults(FaultConfig.parse("tokenExpiry=60s"));
        var issued =
                client.tokenRequest("grant_type=client_credentials&client_id=demo&client_secret=demo-secret", null);
        EmulatorClient fresh = new EmulatorClient(emulator).login("demo", "demo-secret");

        clock.advance(Duration.ofSeconds(59));
        var justBefore = fresh.get("/rest/v2/tables");
        clock.advance(Duration.ofSeconds(1));
        var atExpiry = fresh.get("/rest/v2/tables");

        assertThat(issued.json().get("expires_in").asLong()).isEqualTo(86_399);
        assertThat(justBefore.status()).isEqualTo(200);
        assertThat(atExpiry.status()).isEqualTo(401);
        assertThat(emulator.stats().faults(EmulatorStats.Fault.TOKEN_EXPIRY)).isEqualTo(1);
    }

    @Test
    void clock_skew_shifts_stamps_and_the_date_header() {
        emulator.faults(FaultConfig.parse("clockSkew=-3s"));
        Instant skewed = clock.instant().minusSeconds(3);

        var answer = client.call("POST", V2 + "/records", "{\"Note_ID\":\"skewed\"}", "response", "rows");

        JsonNode row = answer.result().get(0);
        String expectedStamp = DateTimes.stored(LocalDateTime.ofInstant(skewed, ZoneOffset.UTC));
        assertThat(row.get("Time_Stamp").asText()).isEqualTo(expectedStamp);
        assertThat(row.get("Last_Modified").asText()).isEqualTo(expectedStamp);
        assertThat(answer.header("Date"))
                .isEqualTo(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        skewed.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        assertThat(client.admin("GET", "/_emulator/faults", null).header("Date"))
                .as("every answer carries the skewed Date")
                .isEqualTo(answer.header("Date"));
    }

    @Test
    void late_commit_hides_an_insert_until_its_stamp_plus_the_lag_then_shows_it_with_its_older_stamp() {
        emulator.faults(FaultConfig.parse("lateCommit=1.0,lateCommitLag=3s"));
        JsonNode late = client.call("POST", V2 + "/records", "{\"Note_ID\":\"late\"}", "response", "rows")
                .result()
                .get(0);
        emulator.faults(FaultConfig.NONE);
        clock.advance(Duration.ofSeconds(1));
        JsonNode onTime = client.call("POST", V2 + "/records", "{\"Note_ID\":\"on-time\"}", "response", "rows")
                .result()
                .get(0);
        String cursor = late.get("Last_Modified").asText();

        List<String> seenEarly = noteIdsChangedSince(cursor);
        long countEarly = count("Note_ID IN ('late','on-time')");
        clock.advance(Duration.ofMillis(1999));
        List<String> stillEarly = noteIdsChangedSince(cursor);
        clock.advance(Duration.ofMillis(1));
        List<String> afterLag = noteIdsChangedSince(cursor);

        assertThat(seenEarly).containsExactly("on-time");
        assertThat(countEarly).isEqualTo(1);
        assertThat(stillEarly).containsExactly("on-time");
        assertThat(afterLag).containsExactly("late", "on-time");
        assertThat(late.get("Last_Modified").asText())
                .isLessThan(onTime.get("Last_Modified").asText());
        assertThat(emulator.rows(CaspioEmulator.NOTES_TABLE))
                .as("the hooks show the stored truth")
                .anyMatch(r -> "late".equals(r.get("Note_ID")));
        assertThat(emulator.stats().faults(EmulatorStats.Fault.LATE_COMMIT)).isEqualTo(1);
    }

    @Test
    void a_late_update_shows_the_row_as_it_was_until_the_lag_passes() {
        long pk = ((Number)
                        emulator.insert(CaspioEmulator.NOTES_TABLE, Map.of("Note_ID", "edited", "Comments", "before"))
                                .get("PK_ID"))
                .longValue();
        emulator.faults(FaultConfig.parse("lateCommit=1,lateCommitLag=2s"));
        clock.advance(Duration.ofSeconds(1));

        var put = client.call("PUT", V2 + "/records", "{\"Comments\":\"after\"}", "q.where", "PK_ID=" + pk);
        var during = client.get(V2 + "/records", "q.where", "PK_ID=" + pk);
        long matchingNewText = count("Comments='after' AND PK_ID=" + pk);
        clock.advance(Duration.ofSeconds(2));
        var later = client.get(V2 + "/records", "q.where", "PK_ID=" + pk);

        assertThat(put.json().get("RecordsAffected").asInt()).isEqualTo(1);
        assertThat(during.result()).hasSize(1);
        assertThat(during.result().get(0).get("Comments").asText()).isEqualTo("before");
        assertThat(matchingNewText).isZero();
        assertThat(later.result().get(0).get("Comments").asText()).isEqualTo("after");
        assertThat(later.result().get(0).get("Last_Modified").asText())
                .isGreaterThan(during.result().get(0).get("Last_Modified").asText());
    }

    @Test
    void latency_and_jitter_are_waited_before_each_call_and_repeat_for_the_same_seed() {
        emulator.faults(FaultConfig.parse("latency=20ms,jitter=10ms"));
        for (int i = 0; i < 4; i++) {
            assertThat(client.get(V2 + "/records", "q.limit", "1").status()).isEqualTo(200);
        }
        EmulatorStats first = emulator.stats();
        emulator.resetStats();
        emulator.faults(FaultConfig.parse("latency=20ms,jitter=10ms"));
        for (int i = 0; i < 4; i++) {
            client.get(V2 + "/records", "q.limit", "1");
        }

        assertThat(emulator.faults().latency()).isEqualTo(Duration.ofMillis(20));
        assertThat(first.faults(EmulatorStats.Fault.LATENCY)).isEqualTo(4);
        assertThat(first.injectedDelay()).isBetween(Duration.ofMillis(80), Duration.ofMillis(120));
        assertThat(first.injectedDelay()).isNotEqualTo(Duration.ofMillis(80));
        assertThat(emulator.stats().injectedDelay()).isEqualTo(first.injectedDelay());
    }

    @Test
    void random_faults_repeat_for_the_same_seed_and_differ_for_another() {
        String spec = "error5xx=0.25,throttle429=0.15,dropAfterCommit=0.3";
        emulator.faults(FaultConfig.parse(spec));
        List<Integer> first = outcomes(24);
        emulator.faults(FaultConfig.parse(spec));
        List<Integer> again = outcomes(24);
        client.admin("PUT", "/_emulator/faults", "{\"spec\":\"" + spec + "\",\"seed\":8}");
        List<Integer> otherSeed = outcomes(24);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first).as("the seed exercises every outcome").contains(200, 201, 429, -1);
        assertThat(first).containsAnyOf(500, 503);
    }

    /** Alternating reads and creates; each outcome is the status, or -1 for a cut connection. */
    static List<Integer> outcomes(int calls) {
        List<Integer> outcomes = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            try {
                outcomes.add(
                        i % 2 == 0
                                ? client.get(V2 + "/records", "q.limit", "1").status()
                                : client.call("POST", V2 + "/records", "{\"Note_ID\":\"r-" + i + "\"}")
                                        .status());
            } catch (UncheckedIOException cut) {
                outcomes.add(-1);
            }
        }
        return outcomes;
    }

    static List<String> noteIdsChangedSince(String cursor) {
        var answer = client.get(
                V2 + "/records",
                "q.where",
                "Last_Modified>='" + cursor + "' AND Note_ID IN ('late','on-time')",
                "q.orderBy",
                "Last_Modified, PK_ID");
        return answer.result().stream().map(r -> r.get("Note_ID").asText()).toList();
    }

    static long count(String where) {
        return client.get(V2 + "/records", "q.select", "COUNT(*)", "q.where", where)
                .result()
                .get(0)
                .get("COUNT(*)")
                .asLong();
    }
}
