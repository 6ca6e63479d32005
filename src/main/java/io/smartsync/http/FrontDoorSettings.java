package io.smartsync.http;

import io.smartsync.access.SignInLimits;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the front door checks beyond credentials. Validated when built, immutable after.
 *
 * @param proxies the reverse proxies whose {@code X-Forwarded-For} is believed
 * @param signIn the limits on failed sign-ins per (user id, client address)
 * @param hashThreads how many passwords may be hashed at once
 * @param hashQueue how many sign-ins may wait for a hashing thread; past that, 429 at once
 * @param webhookSignatureHeader a header carrying an HMAC-SHA256 of the body keyed with the webhook
 *     secret, required when set (Caspio's help documents only the secret in the body)
 * @param webhookId the {@code webhookId} a message must carry, or null to accept any
 * @param webhookMaxAge how far a message's {@code eventDate} may be from now, either way
 * @param webhookZone the zone of an {@code eventDate} written without an offset
 */
public record FrontDoorSettings(
        TrustedProxies proxies,
        SignInLimits.Policy signIn,
        int hashThreads,
        int hashQueue,
        String webhookSignatureHeader,
        String webhookId,
        Duration webhookMaxAge,
        ZoneId webhookZone) {
    public FrontDoorSettings {
        Objects.requireNonNull(proxies, "proxies");
        Objects.requireNonNull(signIn, "signIn");
        if (hashThreads < 1 || hashThreads > 64) {
            throw new IllegalArgumentException("hashing threads must be 1-64, was " + hashThreads);
        }
        if (hashQueue < 0 || hashQueue > 1000) {
            throw new IllegalArgumentException("the hashing queue must be 0-1000, was " + hashQueue);
        }
        if (webhookSignatureHeader != null && !webhookSignatureHeader.matches("^[A-Za-z0-9-]{1,64}$")) {
            throw new IllegalArgumentException("a header name must be 1-64 letters, digits or '-'");
        }
        if (webhookMaxAge.isNegative() || webhookMaxAge.isZero()) {
            throw new IllegalArgumentException("the webhook window must be positive");
        }
        Objects.requireNonNull(webhookZone, "webhookZone");
    }

    /** No proxies, default sign-in limits, two hashing threads and a queue of four, a 5-minute window. */
    public static FrontDoorSettings defaults() {
        return new FrontDoorSettings(
                TrustedProxies.none(),
                SignInLimits.Policy.defaults(),
                2,
                4,
                null,
                null,
                Duration.ofMinutes(5),
                ZoneId.of("UTC"));
    }

    public FrontDoorSettings withProxies(TrustedProxies p) {
        return new FrontDoorSettings(
                p, signIn, hashThreads, hashQueue, webhookSignatureHeader, webhookId, webhookMaxAge, webhookZone);
    }

    public FrontDoorSettings withSignIn(SignInLimits.Policy p) {
        return new FrontDoorSettings(
                proxies, p, hashThreads, hashQueue, webhookSignatureHeader, webhookId, webhookMaxAge, webhookZone);
    }

    public FrontDoorSettings withHashing(int threads, int queue) {
        return new FrontDoorSettings(
                proxies, signIn, threads, queue, webhookSignatureHeader, webhookId, webhookMaxAge, webhookZone);
    }

    public FrontDoorSettings withWebhook(String signatureHeader, String id, Duration maxAge, ZoneId zone) {
        return new FrontDoorSettings(proxies, signIn, hashThreads, hashQueue, signatureHeader, id, maxAge, zone);
    }
}
