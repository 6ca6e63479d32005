package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.access.Role;
import io.smartsync.http.BrowserOffline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the sign-in answer tells the page whether it may keep notes on the device, for how long, and
 * the per-user salt it derives its device key with (the same at every sign-in of a user, another user's
 * differs); {@code SMARTSYNC_BROWSER_OFFLINE=off} switches device storage off.
 */
class BrowserOfflineSettingTest {
    @TempDir
    Path dir;

    private static JsonNode signIn(ApiFixture api, String user, String password) {
        Caller.Answer answer = api.anonymous().post("/api/auth/login", Map.of("userId", user, "password", password));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.data().path("offline");
    }

    @Test
    void each_user_gets_one_random_salt_of_their_own_and_the_operators_limits() {
        try (ApiFixture api = ApiFixture.start(dir, 2)) {
            api.service.users().create("kim", "Kim Nurse", Role.STAFF, "correct horse battery".toCharArray());
            api.service.users().create("lee", "Lee Nurse", Role.STAFF, "another long password".toCharArray());

            JsonNode first = signIn(api, "kim", "correct horse battery");
            JsonNode again = signIn(api, "kim", "correct horse battery");
            JsonNode other = signIn(api, "lee", "another long password");

            assertThat(first.path("enabled").asBoolean(false)).isTrue();
            assertThat(first.path("keepHours").asInt()).isEqualTo(12);
            assertThat(first.path("iterations").asInt()).isEqualTo(600_000);
            assertThat(Base64.getDecoder().decode(first.path("salt").asText())).hasSize(16);
            assertThat(again.path("salt").asText()).isEqualTo(first.path("salt").asText());
            assertThat(other.path("salt").asText())
                    .isNotEqualTo(first.path("salt").asText());
        }
    }

    @Test
    void switched_off_the_page_is_told_to_keep_nothing() {
        BrowserOffline off = HttpSettings.browserOffline(new Env(Map.of("SMARTSYNC_BROWSER_OFFLINE", "off")));
        try (ApiFixture api = ApiFixture.start(dir, 2, s -> s.withBrowserOffline(off))) {
            api.service.users().create("kim", "Kim Nurse", Role.STAFF, "correct horse battery".toCharArray());

            assertThat(signIn(api, "kim", "correct horse battery")
                            .path("enabled")
                            .asBoolean(true))
                    .isFalse();
        }
    }

    @Test
    void a_wrong_value_names_its_variable() {
        assertThatThrownBy(() -> HttpSettings.browserOffline(new Env(Map.of("SMARTSYNC_BROWSER_OFFLINE", "maybe"))))
                .hasMessageContaining("SMARTSYNC_BROWSER_OFFLINE must be on or off");
        assertThatThrownBy(() -> HttpSettings.browserOffline(new Env(Map.of("SMARTSYNC_BROWSER_OFFLINE_HOURS", "0"))))
                .hasMessageContaining("SMARTSYNC_BROWSER_OFFLINE_HOURS");
        assertThat(HttpSettings.browserOffline(new Env(Map.of("SMARTSYNC_BROWSER_OFFLINE_HOURS", "4")))
                        .keep())
                .isEqualTo(Duration.ofHours(4));
    }
}
