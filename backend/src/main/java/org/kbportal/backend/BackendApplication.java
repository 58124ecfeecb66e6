package org.kbportal.backend;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The backend: WebFlux REST API over R2DBC and the search engine. When it shares a JVM with the
 * Vaadin UI (the one-command launcher), Vaadin's auto-configurations are on the classpath and
 * must stay out of this reactive context (the UI's {@code AutoConfigurationExclusionsTest} checks the
 * names still exist: Spring Boot silently ignores absent ones).
 */
@SpringBootApplication(
        excludeName = {
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig"
        })
@ConfigurationPropertiesScan
public class BackendApplication {}
