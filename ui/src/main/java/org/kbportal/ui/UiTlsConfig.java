package org.kbportal.ui;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tomcat over HTTPS when {@code KB_TLS_*} names a certificate, and an extra plain-HTTP connector on
 * {@code KB_TLS_REDIRECT_PORT} whose every request is redirected to the HTTPS port (a CONFIDENTIAL
 * constraint on {@code /*}). The HSTS header comes from {@link SecurityHeadersFilter}.
 */
@Configuration(proxyBeanMethods = false)
class UiTlsConfig {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> uiTls(UiTlsProperties tls) {
        return new UiTls(tls);
    }

    /** Runs after Spring's own customizers, so it sees the final HTTPS port. */
    record UiTls(UiTlsProperties tls) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            if (!tls.enabled()) {
                return;
            }
            Ssl ssl = new Ssl();
            if (!tls.keystore().isBlank()) {
                ssl.setKeyStore(location(tls.keystore()));
                ssl.setKeyStorePassword(tls.keystorePassword());
                ssl.setKeyStoreType(tls.keystoreType());
                ssl.setKeyAlias(tls.keyAlias().isBlank() ? null : tls.keyAlias());
            } else {
                ssl.setCertificate(location(tls.certificate()));
                ssl.setCertificatePrivateKey(location(tls.privateKey()));
            }
            factory.setSsl(ssl);
            if (tls.redirectPort() > 0) {
                Connector http = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
                http.setScheme("http");
                http.setSecure(false);
                http.setPort(tls.redirectPort());
                http.setRedirectPort(factory.getPort());
                factory.addAdditionalConnectors(http);
                factory.addContextCustomizers(context -> {
                    SecurityConstraint confidential = new SecurityConstraint();
                    confidential.setUserConstraint("CONFIDENTIAL");
                    SecurityCollection all = new SecurityCollection();
                    all.addPattern("/*");
                    confidential.addCollection(all);
                    context.addConstraint(confidential);
                });
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        private static String location(String path) {
            return path.contains(":") && !path.matches("^[A-Za-z]:[\\\\/].*") ? path : "file:" + path;
        }
    }
}
