package io.smartsync.cli;

import io.smartsync.caspio.CaspioConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The Caspio account from {@code CASPIO_*} variables; every error names the variable. */
final class CaspioSettings {
    private CaspioSettings() {}

    static CaspioConfig fromEnv(Env env) {
        String base = env.require("CASPIO_BASE_URL", "the Caspio account host, e.g. https://<account>.caspio.com");
        URI baseUrl;
        try {
            baseUrl = new URI(base);
        } catch (URISyntaxException e) {
            throw new SettingException("CASPIO_BASE_URL is not a URL: " + e.getMessage());
        }
        String clientId = env.require("CASPIO_CLIENT_ID", "the client id of the account's REST API profile");
        String secret = env.get("CASPIO_CLIENT_SECRET").orElseGet(() -> secretFromFile(env));
        try {
            return new CaspioConfig(
                    baseUrl, env.get("CASPIO_API_VERSION").orElse("v2"), clientId, secret, Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            throw new SettingException(e.getMessage());
        }
    }

    static String table(Env env) {
        return env.get("CASPIO_TABLE").orElse("connect_tbl_clientnotes");
    }

    private static String secretFromFile(Env env) {
        String file = env.get("CASPIO_CLIENT_SECRET_FILE")
                .orElseThrow(() -> new SettingException("CASPIO_CLIENT_SECRET is not set: the client secret of the"
                        + " REST API profile (or CASPIO_CLIENT_SECRET_FILE naming a file that holds it)"));
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new SettingException("CASPIO_CLIENT_SECRET_FILE cannot be read: " + e.getMessage());
        }
    }
}
