package io.smartsync.emulator;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /oauth/token}: the client-credentials grant, with the secret in the form or in Basic auth. */
final class OAuthEndpoint {

    private final String clientId;
    private final String clientSecret;
    private final TokenStore tokens;

    OAuthEndpoint(String clientId, String clientSecret, TokenStore tokens) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokens = tokens;
    }

    void token(Context ctx) {
        Map<String, String> form = form(ctx.body());
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = basic(authorization.substring(6).strip());
            id = pair[0];
            secret = pair[1];
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            throw new CaspioApiException(400, CaspioRules.CODE_BAD_GRANT, "grant_type must be client_credentials.");
        }
        if (!same(id, clientId) || !same(secret, clientSecret)) {
            throw CaspioApiException.unauthorized(CaspioRules.CODE_BAD_CLIENT, "Invalid client id or secret.");
        }
        TokenStore.Issued issued = tokens.issue();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", issued.accessToken());
        answer.put("token_type", "bearer");
        answer.put("expires_in", issued.expiresInSeconds());
        answer.put("refresh_token", issued.refreshToken());
        Responses.json(ctx, 200, answer);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        if (body == null || body.isBlank()) {
            return form;
        }
        try {
            for (String pair : body.strip().split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.putIfAbsent(key, value);
            }
        } catch (IllegalArgumentException e) {
            throw CaspioApiException.badBody("The token request body is not form-encoded.");
        }
        return form;
    }

    private static String[] basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon >= 0) {
                return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw CaspioApiException.unauthorized(CaspioRules.CODE_BAD_CLIENT, "Malformed Basic credentials.");
    }

    /** Constant-time, so the emulator does not teach a timing attack it would not survive in Caspio. */
    private static boolean same(String given, String expected) {
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
