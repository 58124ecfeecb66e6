package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationImportSelector;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring Boot ignores an excluded auto-configuration whose class is absent, so a rename in a new
 * Boot or Vaadin version turns an exclusion into a silent no-op (Boot 4 moved every one of them).
 * Both contexts share this module's classpath in the one-JVM launcher: every name must exist here, and
 * the launcher's Vaadin exclusions must reach the backend context alongside its own.
 */
class AutoConfigurationExclusionsTest {

    private static final Pattern LISTED =
            Pattern.compile("^\\s+- ([a-z][\\w.]+AutoConfiguration)\\s*$", Pattern.MULTILINE);

    @Test
    void everyExcludedAutoConfigurationOfBothContextsExists() throws IOException {
        List<String> names = new ArrayList<>();
        names.addAll(listed("ui.yml"));
        names.addAll(listed("backend.yml"));
        names.addAll(PortalLauncher.VAADIN_AUTO_CONFIGURATIONS);
        assertThat(names).hasSizeGreaterThan(10);
        for (String name : names) {
            assertThat(exists(name)).as(name).isTrue();
        }
    }

    @Test
    void theLauncherAddsVaadinToTheBackendsOwnExclusionsInsteadOfReplacingThem() {
        try (GenericApplicationContext backend = new GenericApplicationContext()) {
            backend.getEnvironment()
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "backend.yml",
                            java.util.Map.of(
                                    "spring.autoconfigure.exclude[0]", "a.FirstAutoConfiguration",
                                    "spring.autoconfigure.exclude[1]", "b.SecondAutoConfiguration")));

            PortalLauncher.withoutVaadin(backend);

            List<String> excluded = new Selector(backend).excluded();
            assertThat(excluded).startsWith("a.FirstAutoConfiguration", "b.SecondAutoConfiguration");
            assertThat(excluded).containsAll(PortalLauncher.VAADIN_AUTO_CONFIGURATIONS);
            assertThat(excluded).hasSize(2 + PortalLauncher.VAADIN_AUTO_CONFIGURATIONS.size());
        }
    }

    /** Reads the exclusions the way Spring Boot's auto-configuration import does. */
    private static final class Selector extends AutoConfigurationImportSelector {
        Selector(GenericApplicationContext context) {
            setEnvironment(context.getEnvironment());
        }

        List<String> excluded() {
            return getExcludeAutoConfigurationsProperty();
        }
    }

    private static List<String> listed(String resource) throws IOException {
        try (InputStream in =
                AutoConfigurationExclusionsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Matcher m = LISTED.matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            while (m.find()) {
                out.add(m.group(1));
            }
            assertThat(out).as(resource).isNotEmpty();
            return out;
        }
    }

    private static boolean exists(String name) {
        try {
            Class.forName(name, false, AutoConfigurationExclusionsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
