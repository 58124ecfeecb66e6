package org.kbportal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kbportal.backend.BackendMain;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the whole portal in one JVM: the backend (WebFlux on Netty, {@code KB_BACKEND_PORT}) and
 * the UI (Vaadin on Tomcat, {@code KB_UI_PORT}) as two sibling Spring contexts. With {@code
 * KB_BACKEND_URL} set, only the UI starts and talks to that backend.
 */
public final class PortalLauncher {

    /**
     * Vaadin's auto-configurations: on the backend context's classpath only because both contexts share this
     * module's, so this launcher keeps them out of the reactive backend (the backend knows nothing of Vaadin).
     * {@code AutoConfigurationExclusionsTest} checks the names still exist: Spring Boot silently ignores absent ones.
     */
    static final List<String> VAADIN_AUTO_CONFIGURATIONS = List.of(
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig");

    private static final String EXCLUDE = "spring.autoconfigure.exclude";

    private PortalLauncher() {}

    public static void main(String[] args) throws Exception {
        // --kb.restore.from=backup.zip restores into an empty data directory and exits
        if (BackendMain.restoreIfRequested(args)) {
            return;
        }
        start(args);
    }

    /** Starts both contexts; the backend first, so the UI finds it. */
    public static Contexts start(String... args) {
        String external = System.getenv("KB_BACKEND_URL");
        ConfigurableApplicationContext backend = null;
        String[] uiArgs = args;
        if (external == null || external.isBlank()) {
            backend = BackendMain.builder()
                    .initializers(PortalLauncher::withoutVaadin)
                    .run(args);
            // the UI calls the backend on the port it really got (it may be random in tests)
            String port = backend.getEnvironment().getProperty("local.server.port");
            uiArgs = java.util.Arrays.copyOf(args, args.length + 1);
            // over HTTPS when the backend has a certificate; the UI trusts that very certificate
            // (KB_TLS_BACKEND_TRUST, by default KB_TLS_CERTIFICATE), pinned, so "localhost" is fine
            boolean tls = backend.getBean(org.kbportal.backend.system.TlsProperties.class)
                    .enabled();
            uiArgs[args.length] = "--kb.ui.backend-url=" + (tls ? "https://localhost:" : "http://127.0.0.1:") + port;
        }
        ConfigurableApplicationContext ui = UiApplication.builder().run(uiArgs);
        return new Contexts(backend, ui);
    }

    /**
     * Adds {@link #VAADIN_AUTO_CONFIGURATIONS} to the backend's own {@code spring.autoconfigure.exclude} (its
     * {@code backend.yml} and arguments), before the context refreshes: a property source of higher precedence
     * replaces a list instead of extending it, so the list is read and written back whole.
     */
    static void withoutVaadin(ConfigurableApplicationContext backend) {
        ConfigurableEnvironment env = backend.getEnvironment();
        List<String> excluded = new ArrayList<>(
                Binder.get(env).bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
        excluded.addAll(VAADIN_AUTO_CONFIGURATIONS);
        env.getPropertySources()
                .addFirst(new MapPropertySource("portalLauncher", Map.of(EXCLUDE, String.join(",", excluded))));
    }

    /** The running contexts; {@code backend} is null when an external backend is used. */
    public record Contexts(ConfigurableApplicationContext backend, ConfigurableApplicationContext ui)
            implements AutoCloseable {
        @Override
        public void close() {
            SpringApplication.exit(ui);
            if (backend != null) {
                SpringApplication.exit(backend);
            }
        }
    }
}
