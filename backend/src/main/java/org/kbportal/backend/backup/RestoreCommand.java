package org.kbportal.backend.backup;

import java.nio.file.Path;
import org.kbportal.backend.system.KbProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar kb-portal.jar --kb.restore.from=/path/backup.zip [--kb.data-dir=...]}: restores
 * the archive into the (empty) data directory and database the usual settings point at, then exits;
 * start the portal normally afterwards. Reads the same configuration as the backend ({@code
 * backend.yml}, {@code KB_*} variables, profiles), so {@code KB_DB_URL} selects PostgreSQL.
 */
public final class RestoreCommand {

    private static final Logger log = LoggerFactory.getLogger(RestoreCommand.class);
    static final String OPTION = "--kb.restore.from=";

    private RestoreCommand() {}

    /** Whether the arguments ask for a restore instead of a start. */
    public static boolean requested(String... args) {
        for (String a : args) {
            if (a.startsWith(OPTION)) {
                return true;
            }
        }
        return false;
    }

    /** Runs the restore the arguments describe; throws when it fails (nothing is started). */
    public static void run(String... args) throws Exception {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=backend", "spring.main.banner-mode=off")
                .logStartupInfo(false)
                // backend.yml asks for a reactive web server; the command needs none
                .run(withArg(args, "--spring.main.web-application-type=none"))) {
            Environment env = ctx.getEnvironment();
            KbProperties props = ctx.getBean(KbProperties.class);
            Path archive = Path.of(env.getRequiredProperty("kb.restore.from"));
            JdbcTarget db = new JdbcTarget(
                    env.getRequiredProperty("kb.db.url"),
                    env.getProperty("kb.db.username", ""),
                    env.getProperty("kb.db.password", ""));
            String actor = "restore:" + System.getProperty("user.name", "unknown");
            Restorer.Result r = Restorer.restore(
                    archive,
                    props.dataDir().toAbsolutePath(),
                    props.reindexMarker().toAbsolutePath(),
                    db,
                    actor,
                    // no installation secret to fall back on: the database is still empty
                    ArchiveSeal.configured(props.backup(), env.getProperty("kb.crypto.suite")));
            log.info(
                    "Restore done: {} tables, {} rows, {} files at schema version {} into {}; start the portal now"
                            + " (the search index is rebuilt on that start)",
                    r.tables(),
                    r.rows(),
                    r.files(),
                    r.schemaVersion(),
                    props.dataDir());
        }
    }

    private static String[] withArg(String[] args, String extra) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = extra;
        return out;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(KbProperties.class)
    static class Settings {}
}
