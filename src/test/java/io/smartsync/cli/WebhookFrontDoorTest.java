package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.http.FrontDoorSettings;
import io.smartsync.sync.SyncConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook's front door: a message must carry the secret, the configured webhook's id and an HMAC of
 * its exact body; a message from outside the time window or seen before is refused; forged, stale and
 * replayed messages change nothing, and every call leaves an audit line.
 */
class WebhookFrontDoorTest {
    private static final String HEADER = "X-Caspio-Signature";
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;

    @TempDir
    static Path dir;

    static ApiFixture api;

    @BeforeAll
    static void start() {
        FrontDoorSettings door =
                FrontDoorSettings.defaults().withWebhook(HEADER, "hook-1", Duration.ofMinutes(5), ZoneId.of("UTC"));
        api = ApiFixture.start(dir, 3, s -> s, SyncConfig.builder().pageSize(10).build(), door);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Map<String, Object> message(String secret, String webhookId, LocalDateTime at, long pk) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", "e-" + pk);
        m.put("messageId", UUID.randomUUID().toString());
        m.put("webhookId", webhookId);
        m.put("accountId", "acct");
        m.put("secret", secret);
        m.put("eventDate", at.withNano(0).toString());
        m.put("eventType", "table.recordDelete");
        m.put("objectName", TABLE);
        m.put("data", List.of(Map.of("PK_ID", pk)));
        return m;
    }

    private static String sign(String key, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Caller.Answer send(String body, String signature) {
        Caller c = signature == null ? api.anonymous() : api.anonymous().with(HEADER, signature);
        return c.post("/webhooks/caspio", body);
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    private static List<String> noteIds(String member) {
        return api.staff()
                .get("/api/client-notes?clientId2=" + member)
                .data()
                .path("notes")
                .findValuesAsText("noteId");
    }

    @Test
    void forged_and_stale_messages_are_refused_and_change_nothing() throws Exception {
        List<String> before = noteIds("CL000001");
        long pk = ((Number) api.emulator.rows(TABLE).stream()
                        .filter(r -> "CL000001".equals(r.get("Client_ID2")))
                        .findFirst()
                        .orElseThrow()
                        .get("PK_ID"))
                .longValue();
        String secret = ApiFixture.WEBHOOK_SECRET;

        String wrongSecret = Caller.text(message("guessed", "hook-1", now(), pk));
        assertThat(send(wrongSecret, sign("guessed", wrongSecret)).status()).isEqualTo(401);

        String unsigned = Caller.text(message(secret, "hook-1", now(), pk));
        assertThat(send(unsigned, null).status()).isEqualTo(401);

        String signed = Caller.text(message(secret, "hook-1", now(), 999_999));
        String tampered = signed.replace("999999", Long.toString(pk));
        assertThat(send(tampered, sign(secret, signed)).status()).isEqualTo(401);

        String otherHook = Caller.text(message(secret, "hook-2", now(), pk));
        assertThat(send(otherHook, sign(secret, otherHook)).status()).isEqualTo(401);

        String stale = Caller.text(message(secret, "hook-1", now().minusMinutes(10), pk));
        Caller.Answer staleAnswer = send(stale, sign(secret, stale));
        assertThat(staleAnswer.status()).isEqualTo(409);
        assertThat(staleAnswer.json().path("code").asText()).isEqualTo("stale");

        String future = Caller.text(message(secret, "hook-1", now().plusMinutes(10), pk));
        assertThat(send(future, sign(secret, future)).status()).isEqualTo(409);

        assertThat(noteIds("CL000001"))
                .containsExactlyInAnyOrderElementsOf(before)
                .contains("caspio_" + pk);
    }

    @Test
    void a_message_is_accepted_once_and_its_replay_is_refused() throws Exception {
        String body = Caller.text(message(ApiFixture.WEBHOOK_SECRET, "hook-1", now(), 888_888));
        String signature = sign(ApiFixture.WEBHOOK_SECRET, body);
        Caller.Answer first = send(body, signature);
        assertThat(first.status()).isEqualTo(200);

        Caller.Answer replay = send(body, signature);
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.json().path("code").asText()).isEqualTo("replayed");
    }

    @Test
    void a_signed_message_for_another_table_or_a_row_without_its_key_is_a_400_that_says_which() throws Exception {
        Map<String, Object> otherTable = message(ApiFixture.WEBHOOK_SECRET, "hook-1", now(), 666_666);
        otherTable.put("objectName", "Payroll");
        Map<String, Object> noKey = message(ApiFixture.WEBHOOK_SECRET, "hook-1", now(), 555_555);
        noKey.put("data", List.of(Map.of("Client_ID2", "CL000001")));

        Caller.Answer table = sendSigned(otherTable);
        Caller.Answer key = sendSigned(noKey);

        assertThat(table.status()).isEqualTo(400);
        assertThat(table.json().path("error").asText()).isEqualTo("webhook for table Payroll, expected " + TABLE);
        assertThat(key.status()).isEqualTo(400);
        assertThat(key.json().path("error").asText()).isEqualTo("a webhook row names no PK_ID");
    }

    private static Caller.Answer sendSigned(Map<String, Object> message) throws Exception {
        String body = Caller.text(message);
        return send(body, sign(ApiFixture.WEBHOOK_SECRET, body));
    }

    @Test
    void every_webhook_call_leaves_an_audit_line_whatever_its_outcome() throws Exception {
        int before = webhookAuditLines().size();
        String good = Caller.text(message(ApiFixture.WEBHOOK_SECRET, "hook-1", now(), 777_777));
        send(good, sign(ApiFixture.WEBHOOK_SECRET, good));
        send(good, sign(ApiFixture.WEBHOOK_SECRET, good));
        send(good, null);
        send("{\"not\":", sign(ApiFixture.WEBHOOK_SECRET, "{\"not\":"));

        JsonNode lines = webhookAuditLines();
        assertThat(lines.size()).isEqualTo(before + 4);
        List<String> outcomes = lines.findValuesAsText("outcome").subList(0, 4);
        assertThat(outcomes.get(3)).startsWith("ok: 0 applied, messageId ");
        assertThat(outcomes.get(2)).startsWith("denied: replayed");
        assertThat(outcomes.get(1)).isEqualTo("denied: unauthenticated");
        assertThat(outcomes.get(0)).isEqualTo("failed: bad_request");
        assertThat(lines.toString()).doesNotContain(ApiFixture.WEBHOOK_SECRET);
    }

    private static JsonNode webhookAuditLines() {
        return api.admin().get("/api/audit?actor=webhook&limit=500").data().path("entries");
    }
}
