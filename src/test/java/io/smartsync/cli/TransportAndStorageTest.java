package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartsync.access.Role;
import io.smartsync.http.ApiSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a configured keystore, and a data directory only its owner can read. */
class TransportAndStorageTest {
    private static final String PASSWORD = "keystore-password";

    @TempDir
    static Path dir;

    static Path keystore;
    static ApiFixture api;
    static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "smartsync",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        api = ApiFixture.start(dir, 2, s -> s.withTls(new ApiSettings.Tls(keystore, PASSWORD)));
        https = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static SSLContext trusting(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    private static HttpResponse<String> https(String path, String method, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://localhost:" + api.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return https.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void with_a_keystore_the_service_speaks_https_only_and_says_so() throws Exception {
        HttpResponse<String> health = https("/health", "GET", null, Map.of());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.sslSession()).isPresent();
        assertThat(health.sslSession().orElseThrow().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
        assertThat(health.headers().firstValue("Strict-Transport-Security")).isPresent();

        HttpClient plain = HttpClient.newHttpClient();
        assertThatThrownBy(() -> {
                    HttpResponse<String> r = plain.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).isNotEqualTo(200);
                    throw new IOException("answered " + r.statusCode() + " without TLS");
                })
                .isInstanceOf(IOException.class);
    }

    @Test
    void over_https_the_session_cookie_is_secure() throws Exception {
        api.service.users().create("tls.user", "Tls User", Role.STAFF, "tls user password".toCharArray());
        HttpResponse<String> login = https(
                "/api/auth/login",
                "POST",
                "{\"userId\":\"tls.user\",\"password\":\"tls user password\"}",
                Map.of("Content-Type", "application/json"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("Secure")
                .contains("HttpOnly")
                .contains("SameSite=Strict");
    }

    @Test
    void the_data_directory_and_the_database_files_are_readable_by_their_owner_only() throws Exception {
        Path data = dir.resolve("service");
        https("/api/client-notes?clientId2=CL000001", "GET", null, Map.of("Authorization", "Bearer " + api.staffKey));
        assertThat(Files.getPosixFilePermissions(data))
                .containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
        List<Path> files;
        try (Stream<Path> s = Files.list(data)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("smartsync.db"))
                    .toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertThat(Files.getPosixFilePermissions(f))
                    .as(f.toString())
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }
}
