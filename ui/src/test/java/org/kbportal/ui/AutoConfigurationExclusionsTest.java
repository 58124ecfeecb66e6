package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.BackendApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Boot ignores an excluded auto-configuration whose class is absent, so a rename in a new
 * Boot or Vaadin version turns an exclusion into a silent no-op (Boot 4 moved every one of them).
 * Both contexts share this module's classpath in the one-JVM launcher: every name must exist here.
 */
class AutoConfigurationExclusionsTest {

    private static final Pattern LISTED =
            Pattern.compile("^\\s+- ([a-z][\\w.]+AutoConfiguration)\\s*$", Pattern.MULTILINE);

    @Test
    void everyExcludedAutoConfigurationOfBothContextsExists() throws IOException {
        List<String> names = new ArrayList<>();
        names.addAll(listed("ui.yml"));
        names.addAll(listed("backend.yml"));
        names.addAll(List.of(BackendApplication.class
                .getAnnotation(SpringBootApplication.class)
                .excludeName()));
        assertThat(names).hasSizeGreaterThan(10);
        for (String name : names) {
            assertThat(exists(name)).as(name).isTrue();
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
