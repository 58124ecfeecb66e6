package org.kbportal.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTPS of the UI ({@code KB_TLS_*}, the same certificate as the API's): PEM certificate and key, or a
 * PKCS12/JKS keystore; with {@code redirectPort}, a plain-HTTP port that sends every request to HTTPS.
 *
 * @param certificate PEM certificate chain ({@code KB_TLS_CERTIFICATE})
 * @param privateKey its PEM private key ({@code KB_TLS_PRIVATE_KEY})
 * @param keystore PKCS12/JKS keystore instead ({@code KB_TLS_KEYSTORE})
 * @param keystorePassword its password
 * @param keystoreType {@code PKCS12} or {@code JKS}
 * @param keyAlias the entry to serve
 * @param redirectPort plain-HTTP port redirected to HTTPS ({@code KB_TLS_REDIRECT_PORT}); 0: none
 */
@ConfigurationProperties("kb.ui.tls")
record UiTlsProperties(
        @DefaultValue("") String certificate,
        @DefaultValue("") String privateKey,
        @DefaultValue("") String keystore,
        @DefaultValue("") String keystorePassword,
        @DefaultValue("PKCS12") String keystoreType,
        @DefaultValue("") String keyAlias,
        @DefaultValue("0") int redirectPort) {

    boolean enabled() {
        return !certificate.isBlank() || !keystore.isBlank();
    }

    /** Passwords never reach a log through this. */
    @Override
    public String toString() {
        return "UiTlsProperties[certificate=" + certificate + ", keystore=" + keystore + ", redirectPort="
                + redirectPort + "]";
    }
}
