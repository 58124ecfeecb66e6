package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kbportal.ui.client.ArticleClient;

/**
 * The whole portal with one PKCS12 keystore ({@code KB_TLS_KEYSTORE}, made by {@code keytool} at test
 * time): the UI answers over HTTPS with HSTS, its plain-HTTP port ({@code KB_TLS_REDIRECT_PORT})
 * redirects to HTTPS, and the UI reaches the backend over HTTPS trusting the exported certificate.
 */
class HttpsPortalIT {

    @TempDir
    Path dir;

    @Test
    void shouldServeThePortalOverHttpsWithHstsAndRedirectPlainHttp() throws Exception {
        Path keystore = dir.resolve("portal.p12");
        Path cert = dir.resolve("portal.crt");
        String password = "pw-" + System.nanoTime();
        keytool(
                "-genkeypair",
                "-alias",
                "portal",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                password);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "portal",
                "-keystore",
                keystore.toString(),
                "-storepass",
                password,
                "-file",
                cert.toString());
        int https = freePort();
        int redirect = freePort();

        try (PortalLauncher.Contexts portal = PortalLauncher.start(
                "--KB_BACKEND_PORT=0",
                "--KB_UI_PORT=" + https,
                "--KB_TLS_KEYSTORE=" + keystore,
                "--KB_TLS_KEYSTORE_PASSWORD=" + password,
                "--KB_TLS_BACKEND_TRUST=" + cert,
                "--KB_TLS_REDIRECT_PORT=" + redirect,
                "--kb.data-dir=" + dir.resolve("data"),
                "--kb.seed.index-data=false",
                "--kb.search.embeddings=false",
                "--vaadin.devmode.devTools.enabled=false")) {
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(trusting(cert))
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();

            HttpResponse<String> page = client.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + https + "/login"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue(SecurityHeadersFilter.HSTS);

            HttpResponse<String> plain = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + redirect + "/login?x=1"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isBetween(301, 308);
            assertThat(plain.headers().firstValue("Location")).hasValue("https://localhost:" + https + "/login?x=1");
            assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();

            String backendUrl = portal.ui().getEnvironment().getProperty("kb.ui.backend-url");
            assertThat(backendUrl).startsWith("https://localhost:");
            assertThat(portal.ui().getBean(ArticleClient.class).categories()).isInstanceOf(List.class);
        }
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            trust.setCertificateEntry(
                    "portal", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
