package org.kbportal.backend;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The backend: WebFlux REST API over R2DBC and the search engine. A launcher that shares the JVM with other
 * Spring applications keeps their auto-configurations out of this context itself.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BackendApplication {}
