package org.kbportal.backend.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * HTTPS of the API ({@code KB_TLS_*}): a PEM certificate chain with its private key, or a keystore
 * (PKCS12 or JKS). Nothing set: plain HTTP, as in the demo.
 *
 * @param certificate PEM certificate chain ({@code KB_TLS_CERTIFICATE}, a path or {@code file:}/{@code
 *     classpath:} location)
 * @param privateKey PEM private key (PKCS#8 or PKCS#1) of that certificate ({@code KB_TLS_PRIVATE_KEY})
 * @param privateKeyPassword password of an encrypted PEM key
 * @param keystore PKCS12/JKS keystore instead of PEM files ({@code KB_TLS_KEYSTORE})
 * @param keystorePassword its password ({@code KB_TLS_KEYSTORE_PASSWORD})
 * @param keystoreType {@code PKCS12} (default) or {@code JKS}
 * @param keyAlias the key entry to serve when the keystore holds several
 */
@ConfigurationProperties("kb.tls")
public record TlsProperties(
        @DefaultValue("") String certificate,
        @DefaultValue("") String privateKey,
        @DefaultValue("") String privateKeyPassword,
        @DefaultValue("") String keystore,
        @DefaultValue("") String keystorePassword,
        @DefaultValue("PKCS12") String keystoreType,
        @DefaultValue("") String keyAlias) {

    /** The name the bundle is registered under. */
    public static final String BUNDLE = "kb-tls";

    public TlsProperties {
        if (!certificate.isBlank() && privateKey.isBlank()) {
            throw new IllegalArgumentException(
                    "KB_TLS_CERTIFICATE needs KB_TLS_PRIVATE_KEY (the key of that certificate)");
        }
        if (!certificate.isBlank() && !keystore.isBlank()) {
            throw new IllegalArgumentException("Set either KB_TLS_CERTIFICATE or KB_TLS_KEYSTORE, not both");
        }
    }

    /** Whether a certificate is configured. */
    public boolean enabled() {
        return !certificate.isBlank() || !keystore.isBlank();
    }

    /** The SSL bundle of the configured certificate; only when {@link #enabled()}. */
    public SslBundle bundle() {
        SslStoreBundle stores;
        if (!keystore.isBlank()) {
            stores = new JksSslStoreBundle(
                    new JksSslStoreDetails(keystoreType, null, location(keystore), keystorePassword), null);
        } else {
            stores = new PemSslStoreBundle(
                    new PemSslStoreDetails(null, location(certificate), location(privateKey))
                            .withPrivateKeyPassword(privateKeyPassword.isBlank() ? null : privateKeyPassword),
                    null);
        }
        String password = keystore.isBlank() ? null : keystorePassword;
        return SslBundle.of(stores, SslBundleKey.of(password, keyAlias.isBlank() ? null : keyAlias));
    }

    /** A plain path becomes a {@code file:} location (Spring would look on the classpath otherwise). */
    private static String location(String path) {
        return path.contains(":") && !path.matches("^[A-Za-z]:[\\\\/].*") ? path : "file:" + path;
    }

    /** Passwords never reach a log through this. */
    @Override
    public String toString() {
        return "TlsProperties[certificate=" + certificate + ", keystore=" + keystore + ", keystoreType=" + keystoreType
                + "]";
    }
}
