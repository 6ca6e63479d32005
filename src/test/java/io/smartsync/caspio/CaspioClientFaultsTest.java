package io.smartsync.caspio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the emulator over real HTTP, with the emulator's faults switched on per test. */
class CaspioClientFaultsTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;

    @TempDir
    Path dir;

    CaspioEmulator emulator;
    HttpClient http;
    SimpleMeterRegistry meters;

    @BeforeEach
    void start() {
        emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir).withPort(0).withMembers(3));
        http = HttpClient.newHttpClient();
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        http.close();
        emulator.close();
    }

    private CaspioClient client(CaspioPolicy policy) {
        CaspioConfig config = new CaspioConfig(emulator.baseUri(), "v2", "demo", "demo-secret", Duration.ofSeconds(5));
        return new CaspioClient(config, policy, http, Clock.systemUTC(), meters);
    }

    private static CaspioPolicy policy(int retries, int breakerFailures, Duration breakerDelay) {
        return new CaspioPolicy(
                retries,
                Duration.ofMillis(20),
                Duration.ofSeconds(2),
                Duration.ofSeconds(20),
                breakerFailures,
                breakerDelay,
                0,
                7);
    }

    private double requests(String kind) {
        return meters.find("caspio.requests").tag("kind", kind).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    @Test
    void an_expired_token_is_renewed_without_a_failed_call() {
        CaspioClient caspio = client(policy(0, 5, Duration.ofSeconds(1)));
        assertThat(caspio.select(TABLE, null, null, 5)).hasSize(5);

        emulator.expireTokens();

        assertThat(caspio.select(TABLE, null, null, 5)).hasSize(5);
        assertThat(requests("token")).isEqualTo(2);
    }

    @Test
    void a_503_is_retried_with_full_jitter_backoff_and_the_call_succeeds() {
        CaspioClient caspio = client(policy(3, 10, Duration.ofSeconds(1)));
        List<Duration> delays = new CopyOnWriteArrayList<>();
        caspio.onRetryScheduled(delays::add);
        emulator.failNext(2, 503);

        assertThat(caspio.select(TABLE, null, null, 5)).hasSize(5);

        assertThat(delays).hasSize(2);
        assertThat(delays.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(20));
        assertThat(delays.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(40));
    }

    @Test
    void a_429_waits_the_retry_after_that_caspio_asked_for() {
        CaspioClient caspio = client(policy(3, 10, Duration.ofSeconds(1)));
        List<Duration> delays = new CopyOnWriteArrayList<>();
        caspio.onRetryScheduled(delays::add);
        emulator.throttleNext(1, Duration.ofSeconds(1));

        assertThat(caspio.count(TABLE, null)).isPositive();

        assertThat(delays).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void retries_stop_after_max_retry_attempts_and_the_failure_says_why() {
        CaspioClient caspio = client(policy(2, 10, Duration.ofSeconds(1)));
        emulator.failNext(5, 500);

        assertThatThrownBy(() -> caspio.select(TABLE, null, null, 5))
                .isInstanceOfSatisfying(CaspioException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CaspioException.Kind.TRANSIENT);
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.requestId()).isNotBlank();
                });
        assertThat(requests("read")).isEqualTo(3);
    }

    @Test
    void a_write_cut_after_commit_is_reported_ambiguous_and_not_sent_again() {
        CaspioClient caspio = client(policy(3, 10, Duration.ofSeconds(1)));
        String syncId = UUID.randomUUID().toString();
        emulator.dropNextAfterCommit(1);

        assertThatThrownBy(() -> caspio.insert(
                        TABLE, Map.of("Sync_ID", syncId, "Client_ID2", "CL000001", "Comments", "Called member")))
                .isInstanceOfSatisfying(
                        CaspioException.class, e -> assertThat(e.kind()).isEqualTo(CaspioException.Kind.AMBIGUOUS));

        assertThat(requests("create")).isEqualTo(1);
        assertThat(caspio.select(TABLE, Where.eq("Sync_ID", syncId), null, 5)).hasSize(1);
    }

    @Test
    void a_permanent_error_keeps_caspios_code_and_is_not_retried() {
        CaspioClient caspio = client(policy(3, 10, Duration.ofSeconds(1)));

        assertThatThrownBy(() -> caspio.insert(TABLE, Map.of("No_Such_Field", "x")))
                .isInstanceOfSatisfying(CaspioException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CaspioException.Kind.PERMANENT);
                    assertThat(e.caspioCode()).isEqualTo("IncorrectBodyParameter");
                    assertThat(e.getMessage())
                            .contains("IncorrectBodyParameter")
                            .contains("request id");
                });
        assertThat(requests("create")).isEqualTo(1);
    }

    @Test
    void the_breaker_opens_when_caspio_keeps_failing_and_closes_when_it_answers_again() {
        CaspioClient caspio = client(policy(0, 3, Duration.ofMillis(300)));
        List<Boolean> availability = new CopyOnWriteArrayList<>();
        caspio.onAvailabilityChange(availability::add);
        emulator.failNext(3, 500);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> caspio.select(TABLE, null, null, 5)).isInstanceOf(CaspioException.class);
        }
        assertThat(caspio.online()).isFalse();
        assertThat(availability).containsExactly(false);
        double sent = requests("read");

        assertThatThrownBy(() -> caspio.select(TABLE, null, null, 5)).hasMessageContaining("circuit breaker is open");
        assertThat(requests("read")).isEqualTo(sent);

        await().atMost(Duration.ofSeconds(5))
                .ignoreExceptions()
                .until(() -> caspio.select(TABLE, null, null, 5).size() == 5);
        assertThat(caspio.online()).isTrue();
        assertThat(availability).containsExactly(false, true);
    }

    @Test
    void the_offset_of_caspios_clock_is_measured_from_its_date_header() {
        CaspioClient caspio = client(policy(0, 10, Duration.ofSeconds(1)));
        emulator.faults(io.smartsync.emulator.FaultConfig.parse("clockSkew=-30s"));

        caspio.select(TABLE, null, null, 1);

        assertThat(caspio.clockOffset()).isBetween(Duration.ofSeconds(-32), Duration.ofSeconds(-28));
    }

    @Test
    void hostile_member_ids_stay_inside_one_literal_or_are_refused_before_sending() {
        CaspioClient caspio = client(policy(0, 10, Duration.ofSeconds(1)));
        assertThat(caspio.select(TABLE, Where.eq("Client_ID2", "CL000001' OR 1=1 --"), null, 1000))
                .isEmpty();
        assertThat(caspio.select(
                        TABLE, Where.eq("Client_ID2", "x'); DELETE FROM connect_tbl_clientnotes; --"), null, 1000))
                .isEmpty();
        assertThat(emulator.rows(TABLE)).isNotEmpty();
        assertThatThrownBy(() -> caspio.select(TABLE, Where.eq("Client_ID2", "a".repeat(3000)), null, 5))
                .isInstanceOfSatisfying(CaspioException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CaspioException.Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("2047");
                });
        assertThatThrownBy(() -> Where.eq("Client_ID2", "CL1\u0000")).isInstanceOf(IllegalArgumentException.class);
    }
}
