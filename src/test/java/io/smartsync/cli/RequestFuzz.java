package io.smartsync.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

/** Makes malformed requests from one seeded generator: odd paths, parameters, headers and bodies. */
final class RequestFuzz {
    record Request(String method, String path, Map<String, String> headers, String body) {
        @Override
        public String toString() {
            return method + " " + path + " " + headers.keySet() + " body "
                    + (body == null
                            ? "none"
                            : body.length() > 120 ? body.substring(0, 120) + "…(" + body.length() + ")" : body);
        }
    }

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"};
    private static final String[] PARAMS = {
        "clientId2", "includeAll", "since", "limit", "before", "from", "to", "actor", "action", "csrf", "x"
    };
    private static final String[] FIELDS = {
        "clientId2",
        "comments",
        "userId",
        "userFullName",
        "followUpDate",
        "followUpAssignment",
        "followUpStatus",
        "assignedFirst",
        "seniorFullName",
        "resolution",
        "password",
        "secret",
        "eventType",
        "objectName",
        "data",
        "colour",
        ""
    };
    private static final String[] TEXTS = {
        "",
        " ",
        "CL000001",
        "CL000002",
        "CL' OR 1=1 --",
        "CL000001'; DROP TABLE notes;--",
        "../../etc/passwd",
        "%00",
        "\u0000",
        "\u202e",
        "🟡 Priority",
        "🟢Open",
        "null",
        "true",
        "-1",
        "0",
        "99999999999999999999",
        "2026-01-17T10:30:00Z",
        "2026-13-45",
        "2026-02-30",
        "+999999-01-01T00:00:00Z",
        "yesterday",
        "local",
        "server",
        "table.recordDelete",
        "connect_tbl_clientnotes",
        "caspio_1",
        "<script>alert(1)</script>",
        "ä".repeat(300),
        "\\",
        "\"",
        "{",
        "[]"
    };

    private final Random random;
    private final List<String> templates;
    private final Map<String, String> keys;

    RequestFuzz(long seed, List<String> templates, Map<String, String> keys) {
        this.random = new Random(seed);
        this.templates = templates;
        this.keys = keys;
    }

    Request next() {
        String[] route = templates.get(random.nextInt(templates.size())).split(" ");
        String method = random.nextInt(5) == 0 ? pick(METHODS) : route[0];
        String path = random.nextInt(20) == 0 ? "/api/" + encode(word()) : fillPath(route[1]);
        Map<String, String> headers = headers();
        String body = random.nextInt(4) == 0 ? null : body();
        if (body != null && random.nextInt(3) > 0) {
            headers.put(
                    "Content-Type",
                    random.nextInt(5) == 0
                            ? pick(new String[] {"text/plain", "application/xml", "x/y"})
                            : "application/json");
        }
        return new Request(method, path + query(), headers, body);
    }

    private String fillPath(String template) {
        StringBuilder out = new StringBuilder();
        for (String part : template.split("/", -1)) {
            if (!out.isEmpty() || !part.isEmpty()) {
                out.append('/');
            }
            out.append(part.startsWith("{") ? encode(random.nextBoolean() ? text() : word()) : part);
        }
        return out.toString().replace("//", "/");
    }

    private String query() {
        int n = random.nextInt(4);
        if (n == 0) {
            return "";
        }
        StringJoiner q = new StringJoiner("&", "?", "");
        for (int i = 0; i < n; i++) {
            q.add(encode(random.nextInt(8) == 0 ? word() : pick(PARAMS)) + "=" + encode(text()));
        }
        return q.toString();
    }

    private Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        switch (random.nextInt(10)) {
            case 0 -> {}
            case 1 ->
                h.put(
                        "Authorization",
                        pick(new String[] {"Bearer", "Bearer ", "Basic abc", "bearer x", "Bearer " + token()}));
            case 2 -> h.put("Cookie", "smartsync_session=" + token());
            case 3 -> h.put("Authorization", "Bearer " + keys.get("staff"));
            default -> h.put("Authorization", "Bearer " + keys.get("admin"));
        }
        if (random.nextInt(6) == 0) {
            h.put("X-CSRF-Token", token());
        }
        if (random.nextInt(6) == 0) {
            h.put("Accept", pick(new String[] {"application/json", "text/html", "*/*", "application/xml"}));
        }
        return h;
    }

    private String body() {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> pick(new String[] {"null", "true", "42", "\"text\"", "[]", "[{}]", "{", "}", "{\"a\":}", "{}x"});
            case 2 -> "[".repeat(2_000 + random.nextInt(2_000));
            case 3 -> "{\"clientId2\":\"CL000001\",\"clientId2\":\"CL000002\",\"comments\":\"dup\"}";
            case 4 -> "{\"comments\":\"" + "x".repeat(random.nextBoolean() ? 64_001 : 600_000) + "\"}";
            case 5 -> new String(randomBytes(), StandardCharsets.ISO_8859_1);
            default -> object();
        };
    }

    private String object() {
        StringJoiner o = new StringJoiner(",", "{", "}");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            o.add(json(pick(FIELDS)) + ":" + value(0));
        }
        if (random.nextBoolean()) {
            o.add("\"clientId2\":" + json(random.nextBoolean() ? "CL00000" + (1 + random.nextInt(4)) : text()));
            o.add("\"comments\":" + value(0));
        }
        return o.toString();
    }

    private String value(int depth) {
        return switch (depth > 3 ? random.nextInt(5) : random.nextInt(8)) {
            case 0 -> "null";
            case 1 -> Integer.toString(random.nextInt());
            case 2 -> random.nextBoolean() ? "true" : "1.5e308";
            case 3, 4 -> json(text());
            case 5 -> "[" + value(depth + 1) + "," + value(depth + 1) + "]";
            default -> "{" + json(pick(FIELDS)) + ":" + value(depth + 1) + "}";
        };
    }

    private byte[] randomBytes() {
        byte[] b = new byte[random.nextInt(200)];
        random.nextBytes(b);
        return b;
    }

    private String text() {
        return random.nextInt(3) == 0 ? word() : pick(TEXTS);
    }

    private String word() {
        int n = random.nextInt(random.nextInt(10) == 0 ? 300 : 20);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) (random.nextInt(4) == 0 ? 0x20 + random.nextInt(0x2000) : 'a' + random.nextInt(26)));
        }
        return s.toString();
    }

    /** Header values must be visible ASCII, or the client refuses to send them. */
    private String token() {
        int n = random.nextInt(80);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return s.toString();
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static List<String> templatesOf(List<String> endpoints) {
        List<String> out = new ArrayList<>();
        for (String e : endpoints) {
            String[] p = e.split(" ");
            out.add(p[0] + " " + p[1]);
        }
        return out;
    }
}
