package org.kbportal.backend;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Runs the backend alone (scaled-out deployments); the usual entry point is the UI's launcher. */
public final class BackendMain {

    private BackendMain() {}

    public static void main(String[] args) throws Exception {
        if (restoreIfRequested(args)) {
            return;
        }
        builder().run(args);
    }

    /**
     * With {@code --kb.restore.from=archive.zip}: restores that backup into the empty data directory
     * and database, and returns true (the caller then exits instead of starting).
     */
    public static boolean restoreIfRequested(String... args) throws Exception {
        if (!org.kbportal.backend.backup.RestoreCommand.requested(args)) {
            return false;
        }
        org.kbportal.backend.backup.RestoreCommand.run(args);
        return true;
    }

    /** The backend application as both launchers start it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(BackendApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties("spring.config.name=backend");
    }
}
