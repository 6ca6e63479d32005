package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartsync.http.FrontDoorSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The front door's settings: defaults, values read, and every bad value named by its variable. */
class FrontDoorEnvTest {
    private static FrontDoorSettings read(Map<String, String> vars) {
        return FrontDoorEnv.fromEnv(new Env(vars));
    }

    @Test
    void settings_are_read_and_defaults_kept() {
        FrontDoorSettings s = read(Map.of(
                "SMARTSYNC_TRUSTED_PROXIES", "10.0.0.0/8, ::1",
                "SMARTSYNC_SIGNIN_LOCKOUT_FAILURES", "6",
                "SMARTSYNC_WEBHOOK_SIGNATURE_HEADER", "X-Caspio-Signature",
                "SMARTSYNC_WEBHOOK_MAX_AGE_SECONDS", "120"));
        assertThat(s.proxies().toString()).isEqualTo("10.0.0.0/8, ::1");
        assertThat(s.signIn().lockoutFailures()).isEqualTo(6);
        assertThat(s.signIn().freeFailures()).isEqualTo(3);
        assertThat(s.webhookSignatureHeader()).isEqualTo("X-Caspio-Signature");
        assertThat(s.webhookMaxAge()).isEqualTo(Duration.ofMinutes(2));
        assertThat(read(Map.of()).hashThreads()).isEqualTo(2);
    }

    @Test
    void every_bad_value_names_its_variable() {
        Map<String, String> bad = Map.of(
                "SMARTSYNC_TRUSTED_PROXIES", "proxy.internal",
                "SMARTSYNC_SIGNIN_HASH_THREADS", "0",
                "SMARTSYNC_SIGNIN_LOCKOUT_MINUTES", "soon",
                "SMARTSYNC_WEBHOOK_SIGNATURE_HEADER", "X Sig",
                "SMARTSYNC_WEBHOOK_ZONE", "Mars/Olympus",
                "SMARTSYNC_WEBHOOK_MAX_AGE_SECONDS", "0");
        bad.forEach((name, value) -> assertThatThrownBy(() -> read(Map.of(name, value)))
                .as(name)
                .isInstanceOf(SettingException.class)
                .hasMessageContaining(name));
        assertThatThrownBy(() -> read(Map.of("SMARTSYNC_TRUSTED_PROXIES", "10.0.0.0/33")))
                .hasMessageContaining("SMARTSYNC_TRUSTED_PROXIES");
        assertThatThrownBy(() ->
                        read(Map.of("SMARTSYNC_SIGNIN_FREE_FAILURES", "9", "SMARTSYNC_SIGNIN_LOCKOUT_FAILURES", "5")))
                .hasMessageContaining("SMARTSYNC_SIGNIN_");
    }
}
