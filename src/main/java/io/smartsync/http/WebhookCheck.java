package io.smartsync.http;

import io.javalin.http.Context;
import io.smartsync.access.WebhookMessages;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides whether a webhook message came from Caspio and is new. Caspio's help documents one check: the
 * webhook's secret, which its messages carry in the body ({@code secret}); compared in constant time. When
 * a signature header is configured, the message must also carry an HMAC-SHA256 of the raw body keyed with
 * the secret (hex or base64, optionally {@code sha256=}), which a captured body cannot be altered under.
 * Against replays: {@code eventDate} must be within the window of now, and each {@code messageId} is
 * accepted once (remembered in the store, on every instance, for twice the window). Thread-safe.
 */
final class WebhookCheck {
    private static final Pattern MESSAGE_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

    private final byte[] secret;
    private final FrontDoorSettings settings;
    private final WebhookMessages seen;
    private final Clock clock;

    WebhookCheck(String secret, FrontDoorSettings settings, WebhookMessages seen, Clock clock) {
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.settings = settings;
        this.seen = seen;
        this.clock = clock;
    }

    boolean enabled() {
        return secret != null;
    }

    /** Before the body is read as JSON: the signature over its exact bytes, when one is required. */
    void signature(Context ctx) {
        String header = settings.webhookSignatureHeader();
        if (header == null) {
            return;
        }
        String presented = ctx.header(header);
        if (presented == null) {
            throw unauthenticated("the " + header + " signature header is missing");
        }
        byte[] expected = hmac(ctx.bodyAsBytes());
        String value = presented.strip();
        if (value.regionMatches(true, 0, "sha256=", 0, 7)) {
            value = value.substring(7);
        }
        if (!MessageDigest.isEqual(expected, decode(value))) {
            throw unauthenticated("the " + header + " signature does not match the body");
        }
    }

    /** The message's own fields: its secret, its webhook, its date and whether it was seen before. */
    void message(WebhookRoutes.Message m) {
        if (m.secret() == null || !MessageDigest.isEqual(secret, m.secret().getBytes(StandardCharsets.UTF_8))) {
            throw unauthenticated("the webhook secret does not match");
        }
        if (settings.webhookId() != null && !settings.webhookId().equals(m.webhookId())) {
            throw unauthenticated("the message is not from the configured webhook");
        }
        if (m.messageId() == null || !MESSAGE_ID.matcher(m.messageId()).matches()) {
            throw ApiException.badRequest("messageId is required (1-100 letters, digits, '.', '_', ':' or '-')");
        }
        Instant now = clock.instant();
        Instant at = eventDate(m.eventDate());
        Duration window = settings.webhookMaxAge();
        if (Duration.between(at, now).abs().compareTo(window) > 0) {
            throw new ApiException(
                    409,
                    "stale",
                    "eventDate is further than " + window.toSeconds()
                            + " seconds from this service's clock; the message is not accepted");
        }
        if (!seen.firstTime(m.messageId(), window.multipliedBy(2))) {
            throw new ApiException(409, "replayed", "this messageId was received before");
        }
    }

    private Instant eventDate(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            throw ApiException.badRequest("eventDate is required, e.g. 2026-01-16T19:52:55");
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(raw).atZone(settings.webhookZone()).toInstant();
            } catch (DateTimeException e2) {
                throw ApiException.badRequest("eventDate must be an ISO 8601 date-time, e.g. 2026-01-16T19:52:55");
            }
        }
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Hex or base64; anything else is a signature that matches nothing. */
    private static byte[] decode(String value) {
        try {
            if (value.length() == 64 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return HexFormat.of().parseHex(value.toLowerCase(java.util.Locale.ROOT));
            }
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static ApiException unauthenticated(String message) {
        return new ApiException(401, "unauthenticated", message);
    }
}
