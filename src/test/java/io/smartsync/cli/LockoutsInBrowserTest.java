package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.access.Role;
import io.smartsync.access.SignInLimits;
import io.smartsync.http.FrontDoorSettings;
import io.smartsync.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin sees a locked-out sign-in on the dashboard and unlocks it there. */
class LockoutsInBrowserTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;

    static ApiFixture api;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        FrontDoorSettings door = FrontDoorSettings.defaults()
                .withSignIn(new SignInLimits.Policy(0, Duration.ZERO, Duration.ZERO, 1, Duration.ofHours(1)));
        api = ApiFixture.start(dir, 2, s -> s, SyncConfig.builder().pageSize(10).build(), door);
        api.service.users().create("ada.admin", "Ada Admin", Role.ADMIN, PASSWORD.toCharArray());
        api.service.users().create("nurse.kim", "Kim Nurse", Role.STAFF, PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void an_admin_unlocks_a_locked_out_sign_in_from_the_dashboard() {
        Caller anonymous = api.anonymous();
        anonymous.post("/api/auth/login", Map.of("userId", "nurse.kim", "password", "a wrong guess"));
        assertThat(anonymous
                        .post("/api/auth/login", Map.of("userId", "nurse.kim", "password", PASSWORD))
                        .status())
                .isEqualTo(429);

        try (Browser browser = Browser.open(api.port())) {
            browser.signIn("ada.admin", PASSWORD);
            browser.tab("sync");
            browser.untilShown("#lockouts td", "nurse.kim");
            browser.click("#lockouts button");
            browser.untilShown("#control-result", "Unlocked nurse.kim");
            browser.untilShown("#lockouts", "No sign-in is blocked.");
        }
        assertThat(anonymous
                        .post("/api/auth/login", Map.of("userId", "nurse.kim", "password", PASSWORD))
                        .status())
                .isEqualTo(200);
    }
}
