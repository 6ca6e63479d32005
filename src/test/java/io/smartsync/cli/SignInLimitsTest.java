package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.access.Role;
import io.smartsync.access.SignInLimits;
import io.smartsync.http.FrontDoorSettings;
import io.smartsync.http.TrustedProxies;
import io.smartsync.sync.SyncConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in guesses are limited per (user id, client address): a pair that keeps failing is locked out and
 * audited, the same user elsewhere still signs in, an admin sees and lifts the lockout, X-Forwarded-For
 * counts only from the configured proxy, and a full password-hashing pool answers 429 at once while the
 * rest of the API keeps answering.
 */
class SignInLimitsTest {
    private static final String USER = "nurse.lee";
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;

    static ApiFixture api;

    @BeforeAll
    static void start() {
        // Two free failures, no delays, the fourth failure locks the pair out for an hour; 127.0.0.1 is the
        // proxy; one hashing thread and no queue.
        FrontDoorSettings door = FrontDoorSettings.defaults()
                .withProxies(TrustedProxies.parse("127.0.0.1"))
                .withSignIn(new SignInLimits.Policy(2, Duration.ZERO, Duration.ZERO, 4, Duration.ofHours(1)))
                .withHashing(1, 0);
        api = ApiFixture.start(dir, 2, s -> s, SyncConfig.builder().pageSize(10).build(), door);
        api.service.users().create(USER, "Lee Nurse", Role.STAFF, PASSWORD.toCharArray());
        api.service.users().create("nurse.ray", "Ray Nurse", Role.STAFF, PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Caller.Answer login(Caller from, String user, String password) {
        return from.post("/api/auth/login", Map.of("userId", user, "password", password));
    }

    @Test
    void a_pair_that_keeps_failing_is_locked_out_and_audited_while_the_user_elsewhere_signs_in() {
        Caller stranger = api.anonymous().with("X-Forwarded-For", "203.0.113.5");
        for (int i = 0; i < 4; i++) {
            assertThat(login(stranger, USER, "wrong guess " + i).status()).isEqualTo(401);
        }

        Caller.Answer refused = login(stranger, USER, PASSWORD);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("code").asText()).isEqualTo("locked_out");
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(3000L, 3600L);
        assertThat(refused.header("Set-Cookie")).isEmpty();

        Caller staffElsewhere = api.anonymous().with("X-Forwarded-For", "198.51.100.20, 127.0.0.1");
        assertThat(login(staffElsewhere, USER, PASSWORD).status()).isEqualTo(200);

        JsonNode audit =
                api.admin().get("/api/audit?actor=" + USER + "&limit=50").data().path("entries");
        assertThat(audit.findValuesAsText("action")).contains("session.lockout");
        assertThat(audit.findValuesAsText("outcome"))
                .anyMatch(o -> o.startsWith("denied: locked out from 203.0.113.5"))
                .anyMatch(o -> o.startsWith("locked out from 203.0.113.5"));

        JsonNode blocked = api.admin().get("/api/auth/lockouts").data().path("blocked");
        assertThat(blocked.findValuesAsText("address")).contains("203.0.113.5").doesNotContain("198.51.100.20");
        assertThat(api.staff().get("/api/auth/lockouts").status()).isEqualTo(403);

        Caller.Answer unlocked =
                api.admin().post("/api/auth/lockouts/unlock", Map.of("userId", USER, "address", "203.0.113.5"));
        assertThat(unlocked.data().path("unlocked").asInt()).isEqualTo(1);
        assertThat(login(stranger, USER, PASSWORD).status()).isEqualTo(200);
        assertThat(api.admin().get("/api/audit?action=session.unlock").data().path("entries"))
                .isNotEmpty();
    }

    @Test
    void x_forwarded_for_from_a_caller_that_is_not_the_proxy_is_ignored() throws Exception {
        HttpClient fromElsewhere = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.2"))
                .build();
        for (int i = 0; i < 4; i++) {
            assertThat(rawLogin(fromElsewhere, "192.0.2." + i, "nurse.ray", "wrong guess " + i))
                    .isEqualTo(401);
        }
        // A new forwarded address every time does not help: the pair is (nurse.ray, 127.0.0.2).
        assertThat(rawLogin(fromElsewhere, "192.0.2.99", "nurse.ray", PASSWORD)).isEqualTo(429);
        assertThat(api.admin().get("/api/auth/lockouts").data().path("blocked").findValuesAsText("address"))
                .contains("127.0.0.2")
                .noneMatch(a -> a.startsWith("192.0.2."));
        assertThat(login(api.anonymous(), "nurse.ray", PASSWORD).status()).isEqualTo(200);
    }

    private static int rawLogin(HttpClient http, String forwardedFor, String user, String password) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(Caller.text(Map.of("userId", user, "password", password))))
                .build();
        return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void a_full_hashing_pool_refuses_sign_ins_at_once_while_an_api_read_succeeds() {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> occupant =
                CompletableFuture.supplyAsync(() -> api.service.hashing().run(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
        try {
            Caller other = api.anonymous().with("X-Forwarded-For", "198.51.100.77");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> login(other, "nurse.ray", PASSWORD).status() == 429);
            Caller.Answer busy = login(other, "nurse.ray", PASSWORD);
            assertThat(busy.status()).isEqualTo(429);
            assertThat(busy.json().path("code").asText()).isEqualTo("busy");
            assertThat(busy.header("Retry-After")).contains("1");
            assertThat(api.staff().get("/api/sync/metrics").status()).isEqualTo(200);
            assertThat(api.staff().get("/api/client-notes?clientId2=CL000001").status())
                    .isEqualTo(200);
        } finally {
            release.countDown();
        }
        occupant.join();
        assertThat(login(api.anonymous(), "nurse.ray", PASSWORD).status()).isEqualTo(200);
    }
}
