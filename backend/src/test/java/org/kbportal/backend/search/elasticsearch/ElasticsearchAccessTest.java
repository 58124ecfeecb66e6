package org.kbportal.backend.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kbportal.backend.testing.TestCertificates;

/**
 * The client configuration for a secured cluster, against a real HTTPS server on loopback whose
 * certificate is made at test time: the CA file makes the handshake succeed, the API key or the user
 * and password arrive in the {@code Authorization} header of every request.
 */
class ElasticsearchAccessTest {

    @TempDir
    Path dir;

    private TestCertificates certs;
    private HttpsServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        certs = TestCertificates.create(dir);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certs.keystore())) {
            ks.load(in, certs.password().toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, certs.password().toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldSendTheApiKeyOverTlsTrustedByTheCaFile() throws Exception {
        call(new ElasticsearchAccess(
                "elastic",
                "ignored",
                "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==",
                certs.certificatePem().toString()));

        assertThat(authorizations)
                .containsExactly("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==");
    }

    @Test
    void shouldSendUserAndPasswordWithEveryRequest() throws Exception {
        ElasticsearchAccess access = new ElasticsearchAccess(
                "kb_writer", "s3cret:pw", "", certs.certificatePem().toString());
        call(access);
        call(access);

        String basic =
                "Basic " + Base64.getEncoder().encodeToString("kb_writer:s3cret:pw".getBytes(StandardCharsets.UTF_8));
        assertThat(authorizations).containsExactly(basic, basic);
        assertThat(access.toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldRefuseANodeItsCaFileDoesNotVouchFor() throws Exception {
        TestCertificates other = TestCertificates.create(dir.resolve("other"));

        assertThatThrownBy(() -> call(new ElasticsearchAccess(
                        "", "", "", other.certificatePem().toString())))
                .isInstanceOf(javax.net.ssl.SSLHandshakeException.class)
                .hasMessageContaining("PKIX path validation failed");
        assertThatThrownBy(() -> call(ElasticsearchAccess.OPEN)).isInstanceOf(javax.net.ssl.SSLException.class);
        assertThat(authorizations).isEmpty();
    }

    private void call(ElasticsearchAccess access) throws Exception {
        HttpHost host = new HttpHost("localhost", server.getAddress().getPort(), "https");
        try (RestClient client = ElasticsearchSearchEngine.configure(RestClient.builder(host), access)
                .build()) {
            client.performRequest(new Request("GET", "/"));
        }
    }
}
