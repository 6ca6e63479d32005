package io.smartsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FaultConfigTest {

    static final String FULL = "latency=80ms,jitter=20ms,error5xx=0.05,throttle429=0.02,retryAfter=1500ms,"
            + "dropAfterCommit=0.02,tokenExpiry=60s,clockSkew=-3s,lateCommit=0.01,lateCommitLag=3s";

    @Test
    void every_key_is_read_into_its_component() {
        FaultConfig f = FaultConfig.parse(FULL);

        assertThat(f.latency()).isEqualTo(Duration.ofMillis(80));
        assertThat(f.jitter()).isEqualTo(Duration.ofMillis(20));
        assertThat(f.error5xx()).isEqualTo(0.05);
        assertThat(f.throttle429()).isEqualTo(0.02);
        assertThat(f.retryAfter()).isEqualTo(Duration.ofMillis(1500));
        assertThat(f.dropAfterCommit()).isEqualTo(0.02);
        assertThat(f.tokenExpiry()).isEqualTo(Duration.ofSeconds(60));
        assertThat(f.clockSkew()).isEqualTo(Duration.ofSeconds(-3));
        assertThat(f.lateCommit()).isEqualTo(0.01);
        assertThat(f.lateCommitLag()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void spec_gives_back_a_string_that_parses_to_the_same_config() {
        FaultConfig f = FaultConfig.parse(FULL);

        assertThat(f.spec())
                .isEqualTo("latency=80ms,jitter=20ms,error5xx=0.05,throttle429=0.02,retryAfter=1500ms,"
                        + "dropAfterCommit=0.02,tokenExpiry=1m,clockSkew=-3s,lateCommit=0.01,lateCommitLag=3s");
        assertThat(FaultConfig.parse(f.spec())).isEqualTo(f);
    }

    @Test
    void keys_left_out_keep_their_defaults_and_are_left_out_of_spec() {
        FaultConfig f = FaultConfig.parse(" latency = 2s , ");

        assertThat(f.latency()).isEqualTo(Duration.ofSeconds(2));
        assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(f.lateCommitLag()).isEqualTo(Duration.ofSeconds(2));
        assertThat(f.tokenExpiry()).isNull();
        assertThat(f.spec()).isEqualTo("latency=2s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "none", "NONE"})
    void blank_or_none_means_no_faults(String spec) {
        assertThat(FaultConfig.parse(spec)).isEqualTo(FaultConfig.NONE);
        assertThat(FaultConfig.NONE.spec()).isEmpty();
    }

    @Test
    void keys_ignore_letter_case_and_fractional_durations_are_exact() {
        FaultConfig f = FaultConfig.parse("LATENCY=1.5s,ClockSkew=+250us");

        assertThat(f.latency()).isEqualTo(Duration.ofMillis(1500));
        assertThat(f.clockSkew()).isEqualTo(Duration.ofNanos(250_000));
        assertThat(f.spec()).isEqualTo("latency=1500ms,clockSkew=250us");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "latncy=80ms | unknown key 'latncy'",
                "latency | 'latency' is not key=value",
                "latency=80 | latency=80 is not a duration",
                "latency=fast | latency=fast is not a duration",
                "latency=-5ms | latency must not be negative",
                "jitter=1d | jitter=1d is not a duration",
                "error5xx=1.5 | error5xx=1.5 is not a probability",
                "throttle429=abc | throttle429=abc is not a probability",
                "dropAfterCommit=NaN | dropAfterCommit=NaN is not a probability",
                "tokenExpiry=0s | tokenExpiry must be more than 0",
                "retryAfter=-1s | retryAfter must not be negative",
                "lateCommit=-0.1 | lateCommit=-0.1 is not a probability",
                "latency=1ms,latency=2ms | latency is given twice",
                "clockSkew=99999999999999h | clockSkew=99999999999999h is not a whole number"
            })
    void bad_input_is_refused_with_a_message_naming_the_key(String spec, String message) {
        assertThatThrownBy(() -> FaultConfig.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("faults: ")
                .hasMessageContaining(message);
    }

    @Test
    void the_record_constructor_validates_too() {
        assertThatThrownBy(() -> new FaultConfig(
                        Duration.ZERO,
                        Duration.ZERO,
                        2,
                        0,
                        Duration.ofSeconds(1),
                        0,
                        null,
                        Duration.ZERO,
                        0,
                        Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("error5xx");
    }
}
