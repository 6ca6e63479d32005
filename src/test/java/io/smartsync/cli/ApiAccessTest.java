package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.access.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may call what: keys, roles, signed-in sessions with CSRF tokens, and the audit of it all. */
class ApiAccessTest {
    @TempDir
    static Path dir;

    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start(dir, 8);
        api.service.users().create("nurse.kim", "Kim Nurse", Role.STAFF, "correct horse battery".toCharArray());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** Every route, with a path that names real things where the route needs them. */
    private static List<String[]> routes() {
        List<String[]> out = new ArrayList<>();
        for (String endpoint : api.service.endpoints()) {
            String[] parts = endpoint.split(" ");
            String path = parts[1].replace("{noteId}", "caspio_1")
                    .replace("{id}", "1")
                    .replace("{clientId2}", "CL000001");
            out.add(new String[] {parts[0], path, parts[2]});
        }
        return out;
    }

    @Test
    void every_route_that_needs_a_role_answers_401_in_json_without_credentials_or_with_a_wrong_key() {
        for (String[] r : routes()) {
            if (r[2].equals("open") || r[2].equals("webhook")) {
                continue;
            }
            for (Caller caller : List.of(api.anonymous(), api.anonymous().withKey("ssk_wrong-key-wrong-key"))) {
                Caller.Answer a = caller.send(r[0], r[1], r[0].equals("GET") || r[0].equals("DELETE") ? null : "{}");
                assertThat(a.status()).as(r[0] + " " + r[1]).isEqualTo(401);
                assertThat(a.json().path("success").asBoolean()).isFalse();
                assertThat(a.json().path("code").asText()).isEqualTo("unauthenticated");
            }
        }
    }

    @Test
    void a_staff_key_gets_403_on_every_admin_route_and_the_refusal_is_audited() {
        List<String> adminRoutes = new ArrayList<>();
        for (String[] r : routes()) {
            if (r[2].equals("admin")) {
                adminRoutes.add(r[0] + " " + r[1]);
                Caller.Answer a =
                        api.staff().send(r[0], r[1], r[0].equals("POST") ? "{\"resolution\":\"local\"}" : null);
                assertThat(a.status()).as(r[0] + " " + r[1]).isEqualTo(403);
                assertThat(a.json().path("code").asText()).isEqualTo("forbidden");
                assertThat(a.json().path("error").asText()).contains("admin");
            }
        }
        assertThat(adminRoutes)
                .contains(
                        "GET /api/audit",
                        "DELETE /api/sync/members/CL000001",
                        "POST /api/sync/retry-failed",
                        "POST /api/sync/conflicts/1/resolve");
        JsonNode denied =
                api.admin().get("/api/audit?actor=staff-1&limit=50").data().path("entries");
        assertThat(denied.findValuesAsText("outcome")).contains("denied: needs admin");
        assertThat(denied.findValuesAsText("action"))
                .contains("GET /api/audit", "DELETE /api/sync/members/{clientId2}");
    }

    @Test
    void open_routes_answer_without_credentials() {
        assertThat(api.anonymous().get("/health").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/health/live").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/health/ready").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/openapi.json").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/login.html").text()).contains("Sign in");
        assertThat(api.anonymous().get("/api-docs.html").text()).contains("swagger-ui-bundle.js");
        assertThat(api.anonymous()
                        .get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_webhook_with_a_wrong_secret_is_refused_and_one_with_the_right_secret_is_applied() {
        Map<String, Object> message = Map.of(
                "secret",
                "not-it",
                "eventType",
                "table.recordDelete",
                "objectName",
                "connect_tbl_clientnotes",
                "data",
                List.of(Map.of("PK_ID", 999_999)),
                "messageId",
                java.util.UUID.randomUUID().toString(),
                "eventDate",
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                        .withNano(0)
                        .toString());
        assertThat(api.anonymous().post("/webhooks/caspio", message).status()).isEqualTo(401);
        Map<String, Object> right = new java.util.HashMap<>(message);
        right.put("secret", ApiFixture.WEBHOOK_SECRET);
        Caller.Answer a = api.anonymous().post("/webhooks/caspio", right);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.data().path("applied").asInt()).isZero();
    }

    @Test
    void a_signed_in_user_writes_with_the_csrf_token_and_is_refused_without_it() {
        Caller.Answer wrong =
                api.anonymous().post("/api/auth/login", Map.of("userId", "nurse.kim", "password", "not the password"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("Set-Cookie")).isEmpty();

        Caller.Answer login = api.anonymous()
                .post("/api/auth/login", Map.of("userId", "nurse.kim", "password", "correct horse battery"));
        assertThat(login.status()).isEqualTo(200);
        String cookie = login.header("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").startsWith("smartsync_session=");
        String csrf = login.data().path("csrfToken").asText();
        Caller session = api.anonymous().with("Cookie", cookie.substring(0, cookie.indexOf(';')));

        assertThat(session.get("/api/client-notes?clientId2=CL000005").status()).isEqualTo(200);
        Map<String, Object> note =
                Map.of("clientId2", "CL000005", "comments", "Home visit booked", "userId", "mallory");
        Caller.Answer noToken = session.post("/api/client-notes", note);
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.json().path("code").asText()).isEqualTo("csrf");
        assertThat(session.with("X-CSRF-Token", "forged")
                        .post("/api/client-notes", note)
                        .status())
                .isEqualTo(403);

        Caller.Answer created = session.with("X-CSRF-Token", csrf).post("/api/client-notes", note);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().path("userId").asText()).isEqualTo("nurse.kim");
        assertThat(created.data().path("userFullName").asText()).isEqualTo("Kim Nurse");

        assertThat(session.with("X-CSRF-Token", csrf)
                        .post("/api/auth/logout", null)
                        .status())
                .isEqualTo(200);
        assertThat(session.get("/api/client-notes?clientId2=CL000005").status()).isEqualTo(401);
    }

    @Test
    void a_disabled_user_can_no_longer_sign_in_and_their_session_ends() {
        api.service.users().create("temp.worker", "Temp Worker", Role.STAFF, "a long enough password".toCharArray());
        Caller.Answer login = api.anonymous()
                .post("/api/auth/login", Map.of("userId", "temp.worker", "password", "a long enough password"));
        String cookie = login.header("Set-Cookie").orElseThrow();
        Caller session = api.anonymous().with("Cookie", cookie.substring(0, cookie.indexOf(';')));
        assertThat(session.get("/api/auth/session").data().path("userId").asText())
                .isEqualTo("temp.worker");

        api.service.users().disable("temp.worker");

        assertThat(session.get("/api/auth/session").status()).isEqualTo(401);
        assertThat(api.anonymous()
                        .post("/api/auth/login", Map.of("userId", "temp.worker", "password", "a long enough password"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void the_author_of_a_note_is_the_keys_owner_whatever_the_body_says() {
        Caller.Answer created = api.staff()
                .post(
                        "/api/client-notes",
                        Map.of(
                                "clientId2", "CL000006",
                                "comments", "Transport arranged",
                                "userId", "someone-else",
                                "userFullName", "Someone Else"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().path("userId").asText()).isEqualTo("staff-1");
        assertThat(created.data().path("userFullName").asText()).isEqualTo("Sam Staff");
    }

    @Test
    void every_read_and_write_of_a_members_notes_leaves_an_audit_line() {
        String member = "CL000007";
        Caller staff = api.staff();
        staff.get("/api/client-notes?clientId2=" + member);
        String noteId = staff.post("/api/client-notes", Map.of("clientId2", member, "comments", "Called the pharmacy"))
                .data()
                .path("noteId")
                .asText();
        staff.put("/api/client-notes/" + noteId, Map.of("clientId2", member, "comments", "Called the pharmacy twice"));
        staff.get("/api/sync-status?clientId2=" + member);
        staff.delete("/api/client-notes/" + noteId + "?clientId2=" + member);
        staff.put("/api/client-notes/no-such-note", Map.of("clientId2", member, "comments", "x"));

        JsonNode entries =
                api.admin().get("/api/audit?clientId2=" + member).data().path("entries");
        List<String> lines = new ArrayList<>();
        entries.forEach(
                e -> lines.add(e.path("actor").asText() + " " + e.path("action").asText() + " "
                        + e.path("noteId").asText() + " " + e.path("outcome").asText()));
        assertThat(lines)
                .containsExactly(
                        "staff-1 notes.update no-such-note failed: not_found",
                        "staff-1 notes.delete " + noteId + " ok",
                        "staff-1 sync.status null ok",
                        "staff-1 notes.update " + noteId + " ok",
                        "staff-1 notes.create " + noteId + " ok",
                        "staff-1 notes.read null ok");
        assertThat(entries.get(0).path("at").asText()).endsWith("Z");
    }

    @Test
    void the_audit_log_pages_backwards_and_filters_by_actor_and_action() {
        for (int i = 0; i < 3; i++) {
            api.staff().get("/api/sync-status?clientId2=CL000008");
        }
        JsonNode first = api.admin()
                .get("/api/audit?clientId2=CL000008&action=sync.status&limit=2")
                .data();
        assertThat(first.path("entries")).hasSize(2);
        long next = first.path("nextBefore").asLong();
        JsonNode second = api.admin()
                .get("/api/audit?clientId2=CL000008&action=sync.status&limit=2&before=" + next)
                .data();
        assertThat(second.path("entries")).hasSize(1);
        assertThat(second.path("nextBefore").isNull()).isTrue();
        assertThat(api.admin().get("/api/audit?limit=0").status()).isEqualTo(400);
        assertThat(api.admin().get("/api/audit?from=yesterday").status()).isEqualTo(400);
    }
}
