package io.smartsync.http;

import io.smartsync.note.MemberId;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the HTTP API listens and what it accepts. Validated when built, immutable after.
 *
 * @param maxRequestBytes the largest body accepted (413 past it)
 * @param memberIds the pattern a {@code clientId2} must match; it can only narrow the built-in safe
 *     pattern ({@link MemberId#DEFAULT_PATTERN}), which every member id must match as well
 * @param followUpStatuses the {@code followUpStatus} values a note may carry (real data has variants
 *     such as {@code 🟡 Priority}); empty accepts any
 * @param tls the keystore to serve HTTPS with, or null for plain HTTP behind a TLS proxy
 * @param secureCookies mark the session cookie {@code Secure} (always with {@code tls}; set it behind a
 *     TLS proxy)
 * @param webhookSecret the secret Caspio's outgoing webhooks carry, or null to refuse them
 * @param browserOffline what the pages may keep on the device
 */
public record ApiSettings(
        String host,
        int port,
        long maxRequestBytes,
        Pattern memberIds,
        Set<String> followUpStatuses,
        Tls tls,
        boolean secureCookies,
        String webhookSecret,
        BrowserOffline browserOffline) {

    /** Enough for a note of Caspio's 64,000 characters in any script, escaped, with the other fields. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 512 * 1024;

    /**
     * The statuses of the original app's data, for an operator who wants to list them; by default any
     * status text is accepted, as the app's pages send {@code Open}, {@code Closed}, {@code Pending} too.
     */
    public static final List<String> ORIGINAL_FOLLOW_UP_STATUSES =
            List.of("🟢Open", "🔴Closed", "🟡 Priority", "🔴 Urgent");

    public ApiSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (maxRequestBytes < 4096) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 4096, was " + maxRequestBytes);
        }
        Objects.requireNonNull(memberIds, "memberIds");
        followUpStatuses = Set.copyOf(new LinkedHashSet<>(followUpStatuses));
        for (String s : followUpStatuses) {
            if (s.isBlank() || s.length() > 255) {
                throw new IllegalArgumentException("a follow-up status must be 1-255 characters, was '" + s + "'");
            }
        }
        secureCookies = secureCookies || tls != null;
        Objects.requireNonNull(browserOffline, "browserOffline");
    }

    /** Plain HTTP on {@code host:port}, the defaults for everything else, webhooks refused. */
    public static ApiSettings defaults(String host, int port) {
        return new ApiSettings(
                host,
                port,
                DEFAULT_MAX_REQUEST_BYTES,
                MemberId.DEFAULT_PATTERN,
                Set.of(),
                null,
                false,
                null,
                BrowserOffline.defaults());
    }

    public ApiSettings withWebhookSecret(String secret) {
        return new ApiSettings(
                host, port, maxRequestBytes, memberIds, followUpStatuses, tls, secureCookies, secret, browserOffline);
    }

    public ApiSettings withTls(Tls keystore) {
        return new ApiSettings(
                host,
                port,
                maxRequestBytes,
                memberIds,
                followUpStatuses,
                keystore,
                secureCookies,
                webhookSecret,
                browserOffline);
    }

    public ApiSettings withFollowUpStatuses(Set<String> statuses) {
        return new ApiSettings(
                host, port, maxRequestBytes, memberIds, statuses, tls, secureCookies, webhookSecret, browserOffline);
    }

    public ApiSettings withMemberIds(Pattern pattern) {
        return new ApiSettings(
                host,
                port,
                maxRequestBytes,
                pattern,
                followUpStatuses,
                tls,
                secureCookies,
                webhookSecret,
                browserOffline);
    }

    public ApiSettings withMaxRequestBytes(long bytes) {
        return new ApiSettings(
                host, port, bytes, memberIds, followUpStatuses, tls, secureCookies, webhookSecret, browserOffline);
    }

    public ApiSettings withSecureCookies(boolean secure) {
        return new ApiSettings(
                host, port, maxRequestBytes, memberIds, followUpStatuses, tls, secure, webhookSecret, browserOffline);
    }

    public ApiSettings withBrowserOffline(BrowserOffline offline) {
        return new ApiSettings(
                host, port, maxRequestBytes, memberIds, followUpStatuses, tls, secureCookies, webhookSecret, offline);
    }

    @Override
    public String toString() {
        return "ApiSettings[" + host + ":" + port + ", tls=" + (tls != null) + ", webhooks=" + (webhookSecret != null)
                + "]";
    }

    /** A keystore (PKCS12 or JKS) holding the server's key and certificate chain. */
    public record Tls(Path keystore, String password) {
        public Tls {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Tls[" + keystore + ", password=***]";
        }
    }
}
