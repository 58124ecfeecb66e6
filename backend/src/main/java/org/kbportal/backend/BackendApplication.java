package org.kbportal.backend;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The backend: WebFlux REST API over R2DBC and the search engine. When it shares a JVM with the
 * Vaadin UI (the one-command launcher), Vaadin's and Hilla's auto-configurations are on the
 * classpath and must stay out of this reactive context; names of absent classes are ignored.
 */
@SpringBootApplication(
        excludeName = {
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig",
            "com.vaadin.hilla.EndpointController",
            "com.vaadin.hilla.push.PushConfigurer",
            "com.vaadin.hilla.ApplicationContextProvider",
            "com.vaadin.hilla.startup.EndpointRegistryInitializer",
            "com.vaadin.hilla.startup.RouteUnifyingServiceInitListener",
            "com.vaadin.hilla.route.RouteUtil",
            "com.vaadin.hilla.route.RouteUnifyingConfiguration",
            "com.vaadin.hilla.signals.config.SignalsConfiguration"
        })
@ConfigurationPropertiesScan
public class BackendApplication {}
