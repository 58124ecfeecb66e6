package org.kbportal.ui.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What the UI trusts when it calls the backend over HTTPS ({@code KB_TLS_BACKEND_TRUST}, by default the
 * portal's own {@code KB_TLS_CERTIFICATE}): a server presenting exactly one of these certificates is
 * trusted (pinned: the in-JVM backend is reached as {@code localhost}, which the public name on the
 * certificate need not cover); any other chain must lead to one of them as a CA, with the usual host
 * name check.
 */
final class BackendTrust extends X509ExtendedTrustManager {

    private final List<X509Certificate> pinned;
    private final X509ExtendedTrustManager anchors;

    private BackendTrust(List<X509Certificate> pinned, X509ExtendedTrustManager anchors) {
        this.pinned = pinned;
        this.anchors = anchors;
    }

    /** An SSL context trusting the PEM certificates in {@code pem}. */
    static SSLContext context(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            if (certs.isEmpty()) {
                throw new IllegalStateException("No certificate in " + pem + " (KB_TLS_BACKEND_TRUST)");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < certs.size(); i++) {
                store.setCertificateEntry("trusted-" + i, certs.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(
                    null,
                    new javax.net.ssl.TrustManager[] {
                        new BackendTrust(certs, (X509ExtendedTrustManager) tmf.getTrustManagers()[0])
                    },
                    null);
            return ctx;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + pem + " (KB_TLS_BACKEND_TRUST): " + e.getMessage(), e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use " + pem + " (KB_TLS_BACKEND_TRUST): " + e.getMessage(), e);
        }
    }

    private boolean isPinned(X509Certificate[] chain) throws CertificateException {
        if (chain != null && chain.length > 0 && pinned.contains(chain[0])) {
            chain[0].checkValidity();
            return true;
        }
        return false;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (!isPinned(chain)) {
            anchors.checkServerTrusted(chain, authType, engine);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (!isPinned(chain)) {
            anchors.checkServerTrusted(chain, authType, socket);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (!isPinned(chain)) {
            anchors.checkServerTrusted(chain, authType);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the UI is no server for client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the UI is no server for client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the UI is no server for client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return anchors.getAcceptedIssuers();
    }
}
