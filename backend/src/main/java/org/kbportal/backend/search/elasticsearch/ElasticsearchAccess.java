package org.kbportal.backend.search.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the backend signs in to a secured Elasticsearch ({@code KB_ES_*}): an API key or a user name and
 * password (sent with every request), and a CA certificate for {@code https://} nodes signed by the
 * cluster's own CA. Nothing set: an open node, as in development.
 *
 * @param username user of basic authentication ({@code KB_ES_USERNAME})
 * @param password its password ({@code KB_ES_PASSWORD})
 * @param apiKey an API key, the base64 {@code encoded} value Elasticsearch returns ({@code KB_ES_API_KEY});
 *     wins over user and password
 * @param caFile PEM file of the CA (or the node certificate) to trust ({@code KB_ES_CA_FILE}); empty: the
 *     JDK's CAs
 */
@ConfigurationProperties("kb.search.es")
public record ElasticsearchAccess(String username, String password, String apiKey, String caFile) {

    /** Unset settings are empty. */
    public ElasticsearchAccess {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        apiKey = apiKey == null ? "" : apiKey;
        caFile = caFile == null ? "" : caFile;
    }

    public static final ElasticsearchAccess OPEN = new ElasticsearchAccess("", "", "", "");

    /**
     * The {@code Authorization} header value of every request; null for an open node. No Elasticsearch
     * or Apache types here: this record is bound even when the client library is not on the class path.
     */
    String authorization() {
        if (!apiKey.isBlank()) {
            return "ApiKey " + apiKey.strip();
        }
        if (!username.isBlank()) {
            return "Basic "
                    + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    /** A context trusting the CA file; null without one (the JDK's CAs). */
    SSLContext sslContext() {
        return caFile.isBlank() ? null : trusting(Path.of(caFile));
    }

    private static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new IllegalStateException("KB_ES_CA_FILE " + pem + " holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("KB_ES_CA_FILE " + pem + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** Secrets never reach a log through this. */
    @Override
    public String toString() {
        return "ElasticsearchAccess[username=" + username + ", password=" + (password.isBlank() ? "" : "***")
                + ", apiKey=" + (apiKey.isBlank() ? "" : "***") + ", caFile=" + caFile + "]";
    }
}
