package org.kbportal.backend.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kbportal.backend.testing.TestCertificates;

/** {@code KB_TLS_*} become an SSL bundle from PEM files or a keystore; half a setting is refused. */
class TlsPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void shouldBuildTheBundleFromPemFilesOrAKeystore() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        TlsProperties pem = new TlsProperties(
                certs.certificatePem().toString(), certs.privateKeyPem().toString(), "", "", "", "PKCS12", "");
        TlsProperties p12 =
                new TlsProperties("", "", "", certs.keystore().toString(), certs.password(), "PKCS12", "kb");
        TlsProperties off = new TlsProperties("", "", "", "", "", "PKCS12", "");

        assertThat(off.enabled()).isFalse();
        for (TlsProperties tls : new TlsProperties[] {pem, p12}) {
            assertThat(tls.enabled()).isTrue();
            KeyStore ks = tls.bundle().getStores().getKeyStore();
            String alias = ks.aliases().nextElement();
            assertThat(ks.getCertificate(alias)).isEqualTo(certs.certificate());
        }
        assertThat(p12.toString()).doesNotContain(certs.password());
    }

    @Test
    void shouldRefuseACertificateWithoutKeyOrTwoSources() {
        assertThatThrownBy(() -> new TlsProperties("/etc/cert.pem", "", "", "", "", "PKCS12", ""))
                .hasMessageContaining("KB_TLS_PRIVATE_KEY");
        assertThatThrownBy(() -> new TlsProperties("/c.pem", "/k.pem", "", "/s.p12", "x", "PKCS12", ""))
                .hasMessageContaining("not both");
    }
}
