package io.smartsync.caspio;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one Caspio account. The secret is never part of {@link #toString()}.
 *
 * @param baseUrl the account host, {@code https://<account>.caspio.com} (or the emulator's)
 * @param apiVersion {@code v2} (under {@code /rest/v2}) or {@code v3} (under {@code
 *     /integrations/rest/v3})
 */
public record CaspioConfig(
        URI baseUrl, String apiVersion, String clientId, String clientSecret, Duration requestTimeout) {

    public CaspioConfig {
        Objects.requireNonNull(baseUrl, "CASPIO_BASE_URL");
        if (baseUrl.getScheme() == null
                || !(baseUrl.getScheme().equals("https") || baseUrl.getScheme().equals("http"))
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "CASPIO_BASE_URL must be an http(s) URL such as https://<account>.caspio.com, was " + baseUrl);
        }
        if (!"v2".equals(apiVersion) && !"v3".equals(apiVersion)) {
            throw new IllegalArgumentException("CASPIO_API_VERSION must be v2 or v3, was " + apiVersion);
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("CASPIO_CLIENT_ID is required");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("CASPIO_CLIENT_SECRET is required");
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** The root of the REST API for this account and version, without a trailing slash. */
    public String restRoot() {
        String host = baseUrl.toString().replaceAll("/+$", "");
        return host + ("v2".equals(apiVersion) ? "/rest/v2" : "/integrations/rest/v3");
    }

    public String tokenUrl() {
        return baseUrl.toString().replaceAll("/+$", "") + "/oauth/token";
    }

    @Override
    public String toString() {
        return "CaspioConfig[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", clientId=" + clientId
                + ", clientSecret=***]";
    }
}
