package io.smartsync.http;

import io.javalin.config.JavalinConfig;
import java.nio.file.Files;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Serves HTTPS only, from a configured keystore, in place of Javalin's plain HTTP connector. */
final class Tls {
    private Tls() {}

    static void configure(JavalinConfig config, ApiSettings settings) {
        ApiSettings.Tls tls = settings.tls();
        if (!Files.isReadable(tls.keystore())) {
            throw new IllegalArgumentException("the TLS keystore " + tls.keystore() + " cannot be read");
        }
        config.jetty.addConnector((server, http) -> {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
            ssl.setKeyStorePassword(tls.password());
            // TLS 1.2 and 1.3 only; Jetty's defaults already leave out weak cipher suites.
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            HttpConfiguration https = new HttpConfiguration(http);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // Clients may reach the service by IP or a name not on the certificate; they check the
            // certificate themselves, so the server need not refuse a mismatched SNI name.
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            ServerConnector connector = new ServerConnector(
                    server,
                    new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                    new HttpConnectionFactory(https));
            connector.setHost(settings.host());
            connector.setPort(settings.port());
            return connector;
        });
    }
}
