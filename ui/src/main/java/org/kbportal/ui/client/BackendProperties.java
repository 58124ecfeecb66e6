package org.kbportal.ui.client;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the UI reaches the backend ({@code kb.ui.*} in {@code ui.yml}).
 *
 * @param backendUrl base URL of the backend API, e.g. {@code http://127.0.0.1:8081}
 * @param connectTimeout how long to wait for a TCP connection; short, so a stopped backend is
 *     reported quickly instead of freezing the page
 * @param readTimeout how long to wait for an answer
 * @param backendTrust PEM file of the certificate (or CA) the backend's HTTPS is trusted by; empty: the
 *     JDK's CAs
 */
@ConfigurationProperties("kb.ui")
public record BackendProperties(
        @DefaultValue("http://localhost:8081") URI backendUrl,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("") String backendTrust) {

    /**
     * The JDK client for the backend; over HTTPS it trusts {@code backendTrust} (a PEM certificate or
     * CA, {@code KB_TLS_BACKEND_TRUST}) when set, else the JDK's CAs.
     */
    public java.net.http.HttpClient.Builder httpClient() {
        java.net.http.HttpClient.Builder http =
                java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout);
        return backendTrust.isBlank()
                ? http
                : http.sslContext(BackendTrust.context(java.nio.file.Path.of(backendTrust)));
    }
}
