package org.kbportal.backend.system;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Serves the API over HTTPS when {@code KB_TLS_*} names a certificate: its SSL bundle goes to Netty.
 * Spring Security then adds {@code Strict-Transport-Security} to every HTTPS answer. Spring's own
 * {@code server.ssl.bundle} keeps working when no {@code KB_TLS_*} is set.
 */
@Configuration(proxyBeanMethods = false)
class TlsConfig {

    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> kbTls(TlsProperties tls) {
        return new KbTls(tls);
    }

    /** Runs after Spring's own customizer, which would set the bundles from {@code spring.ssl.bundle.*}. */
    record KbTls(TlsProperties tls) implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

        @Override
        public void customize(NettyReactiveWebServerFactory factory) {
            if (tls.enabled()) {
                factory.setSslBundles(new DefaultSslBundleRegistry(TlsProperties.BUNDLE, tls.bundle()));
                factory.setSsl(Ssl.forBundle(TlsProperties.BUNDLE));
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
