package io.smartsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticationTest {

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
                .withClock(clock)
                .withTokenLifetime(Duration.ofMinutes(10)));
        client = new EmulatorClient(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void form_credentials_get_a_bearer_token() {
        var answer =
                client.tokenRequest("grant_type=client_credentials&client_id=demo&client_secret=demo-secret", null);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(599);
        assertThat(body.get("access_token").asText()).hasSizeGreaterThan(20);
        assertThat(body.get("refresh_token").asText())
                .isNotEqualTo(body.get("access_token").asText());
    }

    @Test
    void basic_credentials_get_a_bearer_token() {
        String basic =
                "Basic " + Base64.getEncoder().encodeToString("demo:demo-secret".getBytes(StandardCharsets.UTF_8));

        var answer = client.tokenRequest("grant_type=client_credentials", basic);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("access_token").asText()).isNotBlank();
    }

    @Test
    void wrong_secret_is_401_with_caspio_error_body() {
        var answer = client.tokenRequest("grant_type=client_credentials&client_id=demo&client_secret=nope", null);

        assertThat(answer.status()).isEqualTo(401);
        JsonNode body = answer.json();
        assertThat(body.get("Code").asText()).isEqualTo(CaspioRules.CODE_BAD_CLIENT);
        assertThat(body.get("Message").asText()).isNotBlank();
        assertThat(body.get("Resource").asText()).isEqualTo("/oauth/token");
        assertThat(body.get("RequestId").asText()).isEqualTo(answer.requestId()).isNotBlank();
        assertThat(answer.body()).doesNotContain("nope");
    }

    @Test
    void grant_other_than_client_credentials_is_400() {
        var answer = client.tokenRequest("grant_type=refresh_token&refresh_token=abc", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("Code").asText()).isEqualTo(CaspioRules.CODE_BAD_GRANT);
    }

    @Test
    void records_call_without_token_is_401() {
        var answer = client.callWith(null, "GET", EmulatorClient.V2 + "/records", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("Code").asText()).isEqualTo(CaspioRules.CODE_BAD_TOKEN);
        assertThat(answer.json().get("RequestId").asText()).isEqualTo(answer.requestId());
    }

    @Test
    void records_call_with_unknown_token_is_401() {
        var answer = client.callWith("Bearer made-up", "GET", EmulatorClient.V2 + "/records", null);

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void bearer_scheme_is_accepted_in_any_letter_case() {
        EmulatorClient fresh = new EmulatorClient(emulator).login("demo", "demo-secret");

        var answer = fresh.callWith("bearer " + fresh.token(), "GET", "/rest/v2/tables", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(fresh.callWith("BEARER " + fresh.token(), "GET", "/rest/v2/tables", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void token_stops_working_when_the_clock_passes_its_lifetime() {
        EmulatorClient fresh = new EmulatorClient(emulator).login("demo", "demo-secret");

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        var justBefore = fresh.get("/rest/v2/tables");
        clock.advance(Duration.ofSeconds(1));
        var atExpiry = fresh.get("/rest/v2/tables");

        assertThat(justBefore.status()).isEqualTo(200);
        assertThat(atExpiry.status()).isEqualTo(401);
        assertThat(atExpiry.json().get("Message").asText()).contains("expired");
    }

    @Test
    void every_answer_carries_its_own_request_id() {
        EmulatorClient fresh = new EmulatorClient(emulator).login("demo", "demo-secret");

        var ok = fresh.get("/rest/v2/tables");
        var notFound = fresh.get("/rest/v2/nothing-here");

        assertThat(ok.requestId()).matches("[0-9a-f-]{36}");
        assertThat(notFound.requestId()).matches("[0-9a-f-]{36}").isNotEqualTo(ok.requestId());
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("Code").asText()).isEqualTo("ObjectNotFound");
        assertThat(notFound.json().get("RequestId").asText()).isEqualTo(notFound.requestId());
    }
}
