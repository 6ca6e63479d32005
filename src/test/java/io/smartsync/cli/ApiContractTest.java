package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartsync.access.Role;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.sync.ConflictPolicy;
import io.smartsync.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /openapi.json matches the implementation: the same routes with the same roles, and every answer of
 * every route, good input and bad, has a declared status, type and body.
 */
class ApiContractTest {
    @TempDir
    static Path dir;

    static ApiFixture api;
    static OpenApiContract contract;

    @BeforeAll
    static void start() throws Exception {
        api = ApiFixture.start(
                dir,
                6,
                s -> s,
                SyncConfig.builder()
                        .pageSize(10)
                        .conflictPolicy(ConflictPolicy.MANUAL)
                        .build());
        api.service.users().create("contract.user", "Con Tract", Role.STAFF, "contract password 1".toCharArray());
        contract = new OpenApiContract(
                new ObjectMapper().readTree(api.anonymous().get("/openapi.json").text()));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Caller.Answer call(Caller c, String method, String template, String path, Object body) {
        return contract.check(method, template, c.send(method, path, body));
    }

    @Test
    void the_document_lists_exactly_the_routes_the_service_serves_with_their_roles() {
        Set<String> served = new TreeSet<>();
        for (String e : api.service.endpoints()) {
            String[] p = e.split(" ");
            served.add(p[0] + " " + p[1]);
            JsonNode op = contract.operation(p[0], p[1]);
            switch (p[2]) {
                case "open", "webhook" -> assertThat(op.path("security")).as(e).isEmpty();
                default -> {
                    assertThat(op.path("x-role").asText()).as(e).isEqualTo(p[2]);
                    assertThat(op.path("security").toString()).as(e).contains("bearerKey", "session");
                }
            }
        }
        assertThat(contract.operations()).isEqualTo(served);
        assertThat(contract.doc().path("openapi").asText()).startsWith("3.");
    }

    @Test
    void the_contract_refuses_an_answer_the_document_does_not_describe() {
        java.net.http.HttpHeaders json =
                java.net.http.HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true);
        Caller.Answer undocumented =
                new Caller.Answer(200, new Caller.HttpResponseHeaders(json), "{\"success\":true,\"data\":{\"x\":1}}");
        Caller.Answer undeclared = new Caller.Answer(
                418, new Caller.HttpResponseHeaders(json), "{\"success\":false,\"error\":\"x\",\"code\":\"x\"}");
        OpenApiContract fresh = new OpenApiContract(contract.doc());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fresh.check("GET", "/api/sync/metrics", undocumented))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("totalMembers");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fresh.check("GET", "/api/sync/metrics", undeclared))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("declared status");
    }

    @Test
    void every_route_answers_good_and_bad_input_as_the_document_says() throws Exception {
        Caller admin = api.admin();
        Caller staff = api.staff();
        Caller anon = api.anonymous();

        call(anon, "GET", "/health", "/health", null);
        call(anon, "GET", "/health/live", "/health/live", null);
        call(anon, "GET", "/health/ready", "/health/ready", null);
        call(staff, "GET", "/metrics", "/metrics", null);
        call(anon, "GET", "/metrics", "/metrics", null);

        Caller.Answer login = call(
                anon,
                "POST",
                "/api/auth/login",
                "/api/auth/login",
                Map.of("userId", "contract.user", "password", "contract password 1"));
        call(anon, "POST", "/api/auth/login", "/api/auth/login", Map.of("userId", "contract.user", "password", "no"));
        call(anon, "POST", "/api/auth/login", "/api/auth/login", "{\"userId\":");
        String cookie = login.header("Set-Cookie").orElseThrow().split(";")[0];
        Caller session = anon.with("Cookie", cookie);
        call(session, "GET", "/api/auth/session", "/api/auth/session", null);
        call(anon, "GET", "/api/auth/session", "/api/auth/session", null);
        call(session, "POST", "/api/auth/logout", "/api/auth/logout", null);
        call(
                session.with("X-CSRF-Token", login.data().path("csrfToken").asText()),
                "POST",
                "/api/auth/logout",
                "/api/auth/logout",
                null);

        call(admin, "GET", "/api/auth/lockouts", "/api/auth/lockouts", null);
        call(staff, "GET", "/api/auth/lockouts", "/api/auth/lockouts", null);
        String unlock = "/api/auth/lockouts/unlock";
        call(admin, "POST", unlock, unlock, Map.of("userId", "contract.user"));
        call(admin, "POST", unlock, unlock, Map.of("address", "127.0.0.1"));

        String notes = "/api/client-notes";
        call(staff, "GET", notes, notes + "?clientId2=CL000001", null);
        call(staff, "GET", notes, notes + "?clientId2=CL000001&includeAll=true", null);
        call(staff, "GET", notes, notes + "?clientId2=CL000001&since=2026-01-17T10:30:00Z", null);
        call(staff, "GET", notes, notes, null);
        call(staff, "GET", notes, notes + "?clientId2=CL000001&since=yesterday", null);
        call(anon, "GET", notes, notes + "?clientId2=CL000001", null);
        Caller.Answer created = call(
                staff,
                "POST",
                notes,
                notes,
                Map.of(
                        "clientId2",
                        "CL000001",
                        "comments",
                        "Reviewed care plan",
                        "followUpStatus",
                        "🟢Open",
                        "followUpDate",
                        "2026-02-01"));
        String noteId = created.data().path("noteId").asText();
        Caller keyed = staff.with("Idempotency-Key", "contract-key-1");
        call(keyed, "POST", notes, notes, Map.of("clientId2", "CL000001", "comments", "Sent once, maybe twice"));
        call(keyed, "POST", notes, notes, Map.of("clientId2", "CL000001", "comments", "Sent once, maybe twice"));
        call(keyed, "POST", notes, notes, Map.of("clientId2", "CL000001", "comments", "Another body"));
        call(staff, "POST", notes, notes, Map.of("clientId2", "CL000002", "comments", "x", "noteId", noteId));
        call(staff, "POST", notes, notes, Map.of("clientId2", "CL000001", "comments", "x".repeat(64_001)));
        call(staff, "POST", notes, notes, Map.of("clientId2", "CL000001", "comments", "ok", "followUpStatus", "Maybe"));
        call(staff, "POST", notes, notes, Map.of("clientId2", "CL000001", "comments", "ok", "colour", "red"));
        call(staff, "POST", notes, notes, "{\"clientId2\":\"CL000001\",\"comments\":\"" + "é".repeat(400_000) + "\"}");

        String one = notes + "/{noteId}";
        call(staff, "PUT", one, notes + "/" + noteId, Map.of("clientId2", "CL000001", "comments", "Reviewed twice"));
        call(staff, "PUT", one, notes + "/missing-note", Map.of("clientId2", "CL000001", "comments", "x"));
        call(staff, "PUT", one, notes + "/" + noteId, Map.of("clientId2", "CL000001", "comments", " "));
        call(staff, "PUT", one, notes + "/bad%20id", Map.of("clientId2", "CL000001", "comments", "x"));
        call(staff, "PUT", one, notes + "/" + noteId, Map.of("noteId", noteId, "timestamp", "2026-01-17T10:30:00Z"));
        call(staff, "GET", notes, notes + "?clientId2=CL000001&userId=staff-1&months=3&forceRefresh=true", null);
        call(staff, "GET", notes, notes + "?userId=staff-1&limit=1", null);
        call(staff, "GET", notes, notes + "?clientId2=CL000001&months=0", null);
        call(staff, "PUT", notes, notes, Map.of("noteId", noteId, "clientId2", "CL000001", "followUpStatus", "Closed"));
        call(staff, "PUT", notes, notes, Map.of("noteId", noteId, "clientId2", "CL000001"));
        call(staff, "PUT", notes, notes, Map.of("noteId", "missing-note", "clientId2", "CL000001", "followUpDate", ""));
        String other = call(staff, "POST", notes, notes, Map.of("clientId2", "CL000001", "comments", "Second"))
                .data()
                .path("noteId")
                .asText();
        call(staff, "DELETE", notes, notes, Map.of("noteId", other, "clientId2", "CL000001", "actorName", "Jane"));
        call(staff, "DELETE", notes, notes, Map.of("noteId", other));
        call(staff, "DELETE", one, notes + "/" + noteId + "?clientId2=CL000001", null);
        call(staff, "DELETE", one, notes + "/" + noteId + "?clientId2=CL000001", null);
        call(staff, "DELETE", one, notes + "/" + noteId, null);

        call(staff, "GET", "/api/sync-status", "/api/sync-status?clientId2=CL000001", null);
        call(staff, "GET", "/api/sync-status", "/api/sync-status?clientId2=CL'1", null);
        call(staff, "GET", "/api/sync/pending", "/api/sync/pending", null);
        call(staff, "GET", "/api/sync/failed", "/api/sync/failed", null);
        call(staff, "POST", "/api/sync/process", "/api/sync/process", null);
        call(staff, "POST", "/api/sync/force", "/api/sync/force", Map.of("clientId2", "CL000002"));
        call(staff, "POST", "/api/sync/force", "/api/sync/force", null);
        call(staff, "POST", "/api/sync/force", "/api/sync/force", Map.of("clientId2", "CL 2"));
        call(admin, "POST", "/api/sync/preload", "/api/sync/preload", null);
        call(staff, "POST", "/api/sync/preload", "/api/sync/preload", null);
        call(admin, "POST", "/api/sync/retry-failed", "/api/sync/retry-failed", null);
        call(staff, "POST", "/api/sync/retry-failed", "/api/sync/retry-failed", null);
        call(staff, "GET", "/api/sync/metrics", "/api/sync/metrics", null);
        call(staff, "GET", "/api/sync/history", "/api/sync/history?hours=6", null);
        call(staff, "GET", "/api/sync/history", "/api/sync/history?hours=0", null);
        call(admin, "GET", "/api/sync/settings", "/api/sync/settings", null);
        call(staff, "GET", "/api/sync/settings", "/api/sync/settings", null);
        call(admin, "DELETE", "/api/sync/members/{clientId2}", "/api/sync/members/CL000006", null);
        call(admin, "DELETE", "/api/sync/members/{clientId2}", "/api/sync/members/CL%27006", null);
        call(admin, "GET", "/api/audit", "/api/audit?clientId2=CL000001&limit=5", null);
        call(admin, "GET", "/api/audit", "/api/audit?limit=5000", null);
        call(staff, "GET", "/api/audit", "/api/audit", null);

        conflicts(staff, admin);
        events(staff);
        webhooks(anon);
        assertThat(contract.called()).isEqualTo(contract.operations());
    }

    /** A manual conflict: an edit here meets an edit in Caspio and waits for a person. */
    private static void conflicts(Caller staff, Caller admin) {
        Map<String, Object> row = api.emulator.rows(CaspioEmulator.NOTES_TABLE).stream()
                .filter(r -> "CL000003".equals(r.get("Client_ID2")))
                .findFirst()
                .orElseThrow();
        long pk = ((Number) row.get("PK_ID")).longValue();
        staff.get("/api/client-notes?clientId2=CL000003");
        api.emulator.update(CaspioEmulator.NOTES_TABLE, pk, Map.of("Comments", "Edited in a DataPage"));
        staff.put("/api/client-notes/caspio_" + pk, Map.of("clientId2", "CL000003", "comments", "Edited here"));
        String resolve = "/api/sync/conflicts/{id}/resolve";
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !call(staff, "GET", "/api/sync/conflicts", "/api/sync/conflicts", null)
                        .data()
                        .isEmpty());
        long id = staff.get("/api/sync/conflicts").data().get(0).path("id").asLong();
        String path = "/api/sync/conflicts/" + id + "/resolve";
        call(admin, "POST", resolve, path, Map.of("resolution", "sideways"));
        call(admin, "POST", resolve, path, Map.of("resolution", "server"));
        call(admin, "POST", resolve, path, Map.of("resolution", "server"));
        call(admin, "POST", resolve, "/api/sync/conflicts/999999/resolve", Map.of("resolution", "server"));
        call(admin, "POST", resolve, "/api/sync/conflicts/abc/resolve", Map.of("resolution", "server"));
        call(staff, "POST", resolve, path, Map.of("resolution", "server"));
    }

    private static void events(Caller staff) {
        String template = "/api/sync/events";
        try (SseReader stream =
                SseReader.open(api.port(), template, Map.of("Authorization", "Bearer " + api.staffKey))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            assertThat(contract.operation("GET", template)
                            .path("responses")
                            .path("200")
                            .path("content")
                            .has("text/event-stream"))
                    .isTrue();
            stream.next("ready", Duration.ofSeconds(5));
        }
        contract.called().add("GET " + template);
        call(staff, "GET", template, template, null);
        call(api.anonymous(), "GET", template, template, null);
    }

    private static void webhooks(Caller anon) {
        String hook = "/webhooks/caspio";
        Map<String, Object> message = new HashMap<>(Map.of(
                "secret",
                ApiFixture.WEBHOOK_SECRET,
                "eventType",
                "table.recordDelete",
                "objectName",
                CaspioEmulator.NOTES_TABLE,
                "data",
                List.of(Map.of("PK_ID", 424242))));
        message.put(
                "eventDate",
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                        .withNano(0)
                        .toString());
        message.put("messageId", "contract-1");
        call(anon, "POST", hook, hook, message);
        call(anon, "POST", hook, hook, message); // the same message again: a replay
        message.put("secret", "wrong");
        message.put("messageId", "contract-2");
        call(anon, "POST", hook, hook, message);
        message.put("secret", ApiFixture.WEBHOOK_SECRET);
        message.put("messageId", "contract-3");
        message.put("data", List.of(Map.of("PK_ID", "not a number")));
        call(anon, "POST", hook, hook, message);
        call(anon, "POST", hook, hook, "[1,2,3]");
        assertThat(hook.toLowerCase(Locale.ROOT)).isEqualTo(hook);
    }
}
