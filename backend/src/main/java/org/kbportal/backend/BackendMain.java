package org.kbportal.backend;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Runs the backend alone (scaled-out deployments); the usual entry point is the UI's launcher. */
public final class BackendMain {

    private BackendMain() {}

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The backend application as both launchers start it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(BackendApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties("spring.config.name=backend");
    }
}
