package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests are taken only as declared: access is checked for every method (HEAD, OPTIONS included)
 * before anything else, only a route's own methods run it, method override is refused, bodies are JSON,
 * parameters are range-checked, and notes' text holds no control or bidi-override characters, invalid
 * UTF-8 or half surrogate pairs. Refusals say what was wrong in the request's own terms.
 */
class StrictRequestsTest {
    private static final String NOTES = "/api/client-notes";

    @TempDir
    static Path dir;

    static ApiFixture api;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        api = ApiFixture.start(dir, 3);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** Each path the API declares, with the access of its least guarded route. */
    private static Map<String, String> paths() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String e : api.service.endpoints()) {
            String[] p = e.split(" ");
            String path =
                    p[1].replace("{noteId}", "caspio_1").replace("{id}", "1").replace("{clientId2}", "CL000001");
            out.merge(path, p[2], (a, b) -> rank(a) <= rank(b) ? a : b);
        }
        return out;
    }

    private static int rank(String access) {
        return switch (access) {
            case "staff" -> 1;
            case "admin" -> 2;
            default -> 0;
        };
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
        headers.forEach(b::header);
        b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void head_options_and_undeclared_methods_meet_the_access_check_first_then_405() throws Exception {
        Set<String> declared = new LinkedHashSet<>(api.service.endpoints());
        for (Map.Entry<String, String> p : paths().entrySet()) {
            for (String method : List.of("HEAD", "OPTIONS", "PATCH", "TRACE", "GET", "POST", "PUT", "DELETE")) {
                boolean isDeclared = declared.stream()
                        .anyMatch(e -> e.startsWith(method + " ")
                                && e.split(" ")[1]
                                        .replace("{noteId}", "caspio_1")
                                        .replace("{id}", "1")
                                        .replace("{clientId2}", "CL000001")
                                        .equals(p.getKey()));
                if (isDeclared) {
                    continue;
                }
                String what = method + " " + p.getKey();
                HttpResponse<String> anonymous = send(method, p.getKey(), Map.of(), null);
                boolean guarded = !p.getValue().equals("open") && !p.getValue().equals("webhook");
                assertThat(anonymous.statusCode()).as(what).isEqualTo(guarded ? 401 : 405);
                HttpResponse<String> admin =
                        send(method, p.getKey(), Map.of("Authorization", "Bearer " + api.adminKey), null);
                assertThat(admin.statusCode()).as(what).isEqualTo(405);
                assertThat(admin.headers().firstValue("Allow")).as(what).isPresent();
            }
        }
    }

    @Test
    void x_http_method_override_is_refused_and_reaches_no_handler() throws Exception {
        api.staff().get(NOTES + "?clientId2=CL000002");
        HttpResponse<String> asDelete = send(
                "GET",
                "/api/sync/members/CL000002",
                Map.of("Authorization", "Bearer " + api.adminKey, "X-HTTP-Method-Override", "DELETE"),
                null);
        assertThat(asDelete.statusCode()).isEqualTo(400);
        assertThat(asDelete.body()).contains("X-HTTP-Method-Override");
        HttpResponse<String> asGet = send(
                "POST",
                "/api/audit",
                Map.of("Authorization", "Bearer " + api.staffKey, "X-HTTP-Method-Override", "GET"),
                null);
        assertThat(asGet.statusCode()).isEqualTo(400);
        assertThat(api.staff()
                        .get("/api/sync-status?clientId2=CL000002")
                        .data()
                        .path("initialSyncCompleted")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void dates_outside_the_years_1753_to_9999_are_refused_with_400() {
        for (String since : List.of("%2B999999999-12-31T23:59:59Z", "1752-12-31T23:59:59Z", "-0001-01-01T00:00:00Z")) {
            Caller.Answer a = api.staff().get(NOTES + "?clientId2=CL000001&since=" + since);
            assertThat(a.status()).as(since).isEqualTo(400);
            assertThat(a.json().path("error").asText()).contains("since", "1753", "9999");
            assertThat(api.admin().get("/api/audit?from=" + since).status())
                    .as(since)
                    .isEqualTo(400);
            assertThat(api.admin().get("/api/audit?to=" + since).status())
                    .as(since)
                    .isEqualTo(400);
        }
        assertThat(api.staff()
                        .get(NOTES + "?clientId2=CL000001&since=1753-01-01T00:00:00Z")
                        .status())
                .isEqualTo(200);
        assertThat(api.admin().get("/api/audit?to=9999-12-31T23:59:59Z").status())
                .isEqualTo(200);
    }

    @Test
    void bad_bodies_are_answered_in_the_requests_own_terms_never_with_a_class_name() throws Exception {
        List<String> bodies = List.of(
                "{\"clientId2\":\"CL000001\",\"comments\":5}",
                "{\"clientId2\":[],\"comments\":\"x\"}",
                "{\"clientId2\":\"CL000001\",\"comments\":{\"a\":1}}",
                "[]",
                "\"text\"",
                "null",
                "{}{}",
                "{\"clientId2\":\"CL000001\",\"clientId2\":\"CL000002\",\"comments\":\"x\"}",
                "{\"clientId2\":\"CL000001\",\"comments\":\"x\",\"followUpDate\":7}",
                "{\"clientId2\"",
                "{\"resolution\":[1]}",
                "{\"userId\":true,\"password\":\"x\"}");
        List<String> seen = new ArrayList<>();
        for (String route : List.of(
                "POST " + NOTES,
                "PUT " + NOTES + "/caspio_1",
                "POST /api/sync/force",
                "POST /api/auth/login",
                "POST /api/sync/conflicts/1/resolve",
                "POST /webhooks/caspio")) {
            String[] r = route.split(" ");
            for (String body : bodies) {
                HttpResponse<String> a = send(
                        r[0],
                        r[1],
                        Map.of("Authorization", "Bearer " + api.adminKey, "Content-Type", "application/json"),
                        body.getBytes(StandardCharsets.UTF_8));
                assertThat(a.statusCode()).as(route + " " + body).isBetween(400, 499);
                assertThat(a.body())
                        .as(route + " " + body)
                        .doesNotContain("io.smartsync", "java.", "Cannot deserialize");
                seen.add(a.body());
            }
        }
        assertThat(seen).anyMatch(b -> b.contains("field 'comments' must be text"));
        assertThat(seen).anyMatch(b -> b.contains("more than once"));
    }

    private static Caller.Answer note(String field, String value) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("clientId2", "CL000003", "comments", "Ok"));
        body.put(field, value);
        return api.staff().post(NOTES, body);
    }

    @Test
    void comments_refuse_control_and_bidi_characters_and_half_surrogates_naming_the_field() {
        for (String bad :
                List.of("a\u0000b", "bell\u0007", "esc\u001b[31m", "\u202Eevil", "iso\u2066late", "c1\u0085")) {
            Caller.Answer a = note("comments", bad);
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.json().path("error").asText()).as(bad).startsWith("comments ");
        }
        Caller.Answer other = note("followUpAssignment", "Dr \u202EKim");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().path("error").asText()).startsWith("followUpAssignment ");

        Caller.Answer half = api.staff().post(NOTES, "{\"clientId2\":\"CL000003\",\"comments\":\"half \\ud800 pair\"}");
        assertThat(half.status()).isEqualTo(400);
        assertThat(half.json().path("error").asText()).contains("comments", "surrogate");

        Caller.Answer fine = note("comments", "Line one\nline two\r\n\tindented; emoji 🟢 and עברית");
        assertThat(fine.status()).isEqualTo(201);
    }

    @Test
    void a_body_that_is_not_utf_8_is_refused_naming_the_field_not_turned_into_replacement_characters()
            throws Exception {
        byte[] prefix = "{\"clientId2\":\"CL000003\",\"comments\":\"caf".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 1 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xE9; // é in Latin-1: not UTF-8
        System.arraycopy(suffix, 0, body, prefix.length + 1, suffix.length);
        HttpResponse<String> a = send(
                "POST",
                NOTES,
                Map.of("Authorization", "Bearer " + api.staffKey, "Content-Type", "application/json"),
                body);
        assertThat(a.statusCode()).isEqualTo(400);
        assertThat(a.body()).contains("comments is not valid UTF-8");
        assertThat(api.staff()
                        .get(NOTES + "?clientId2=CL000003&includeAll=true")
                        .text())
                .doesNotContain("caf\uFFFD");
    }

    @Test
    void a_body_that_is_not_sent_as_json_gets_415_and_a_bodiless_process_still_runs() throws Exception {
        String login = "{\"userId\":\"nobody.here\",\"password\":\"not the password\"}";
        for (String type : List.of(
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/json; charset=iso-8859-1")) {
            HttpResponse<String> a = send(
                    "POST", "/api/auth/login", Map.of("Content-Type", type), login.getBytes(StandardCharsets.UTF_8));
            assertThat(a.statusCode()).as(type).isEqualTo(415);
            HttpResponse<String> n = send(
                    "POST",
                    NOTES,
                    Map.of("Authorization", "Bearer " + api.staffKey, "Content-Type", type),
                    "{\"clientId2\":\"CL000001\",\"comments\":\"x\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(n.statusCode()).as(type).isEqualTo(415);
        }
        assertThat(rawStatus("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: " + login.length()
                        + "\r\nConnection: close\r\n\r\n" + login))
                .isEqualTo(415);
        assertThat(send("POST", "/api/sync/process", Map.of("Authorization", "Bearer " + api.staffKey), null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(
                                "POST",
                                "/api/auth/login",
                                Map.of("Content-Type", "application/json; charset=UTF-8"),
                                login.getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(401);
    }

    private static int rawStatus(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", api.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(head.substring(9, 12));
        }
    }
}
