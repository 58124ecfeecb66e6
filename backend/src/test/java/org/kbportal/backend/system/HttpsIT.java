package org.kbportal.backend.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.TestCertificates;

/**
 * The API served over HTTPS with a certificate made at test time (PEM files through {@code
 * KB_TLS_CERTIFICATE}/{@code KB_TLS_PRIVATE_KEY}): a client trusting it gets answers with HSTS, a
 * client trusting only the public CAs is refused in the handshake, plain HTTP gets no API.
 */
class HttpsIT {

    @TempDir
    Path dir;

    @Test
    void shouldServeTheApiOverHttpsWithHstsToAClientTrustingTheCertificate() throws Exception {
        TestCertificates certs = TestCertificates.create(dir.resolve("tls"));
        Map<String, String> settings = Map.of(
                "kb.seed.index-data",
                "false",
                "kb.search.embeddings",
                "false",
                "kb.tls.certificate",
                certs.certificatePem().toString(),
                "kb.tls.private-key",
                certs.privateKeyPem().toString());
        try (BackendServer server = BackendServer.start(dir.resolve("data"), settings)) {
            URI api = URI.create("https://localhost:" + server.port() + "/api/categories");
            HttpClient trusting = HttpClient.newBuilder()
                    .sslContext(certs.trustingContext())
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();

            HttpResponse<String> answer =
                    trusting.send(HttpRequest.newBuilder(api).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.sslSession()).isPresent();
            assertThat(answer.headers().firstValue("Strict-Transport-Security"))
                    .hasValueSatisfying(v -> assertThat(v).contains("max-age="));

            HttpClient publicCas = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            assertThatThrownBy(() ->
                            publicCas.send(HttpRequest.newBuilder(api).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);

            URI plain = URI.create("http://localhost:" + server.port() + "/api/categories");
            assertThatThrownBy(() -> {
                        HttpResponse<String> r = publicCas.send(
                                HttpRequest.newBuilder(plain)
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        // an HTTPS port may answer plain HTTP with 400; it must never be the API's answer
                        assertThat(r.statusCode()).isNotEqualTo(200);
                        throw new IOException("plain HTTP answered " + r.statusCode());
                    })
                    .isInstanceOf(IOException.class);
        }
    }
}
