package org.kbportal.backend.system;

import java.time.Clock;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The backend always runs on Netty, even when Tomcat is on the classpath because the UI shares the
 * JVM.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfig {

    @Bean
    NettyReactiveWebServerFactory nettyReactiveWebServerFactory() {
        return new NettyReactiveWebServerFactory();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
