package org.kbportal.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kbportal.ui.i18n.KbI18NProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every action code the backend writes into the audit log has a readable name in both languages: the
 * codes named after routes (every admin change and audited download, named by the backend's own audit
 * filter from the controllers' mappings) and the ones recorded explicitly (logins, refusals and their
 * summaries, backups, restore, the log's purge; string literals in the sources that write events).
 */
class AuditActionsTest {

    private static final Path BACKEND_SOURCES = Path.of("..", "backend", "src", "main", "java");
    private static final Pattern CODE = Pattern.compile("\"([a-z]+(?:-[a-z]+)*(?:\\.[a-z]+(?:-[a-z]+)*)+)\"");

    private final Properties chinese = bundle("i18n/messages_zh_CN.properties");
    private final Properties english = bundle("i18n/messages_en.properties");

    @Test
    void everyActionTheBackendRecordsHasALabelInBothLanguages() throws Exception {
        Set<String> codes = new TreeSet<>(routeActions());
        codes.addAll(explicitActions());
        assertThat(codes)
                .as("route and explicit actions found")
                .contains("articles.publish", "sla-policies.update", "backups.file", "auth.login", "access.denied")
                .hasSizeGreaterThan(40);
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            if (chinese.getProperty(AuditActions.PREFIX + code, "").isBlank()) {
                missing.add("zh-CN " + code);
            }
            if (english.getProperty(AuditActions.PREFIX + code, "").isBlank()) {
                missing.add("en " + code);
            }
        }
        assertThat(missing).as("audit actions without a label").isEmpty();
    }

    @Test
    void shouldShowTheLabelInTheUsersLanguageAndAnUnknownCodeAsItIs() {
        KbI18NProvider texts = new KbI18NProvider();
        assertThat(AuditActions.label(texts, "auth.login", KbI18NProvider.CHINESE))
                .isEqualTo("登录");
        assertThat(AuditActions.label(texts, "backups.completed", Locale.ENGLISH))
                .isEqualTo("Backup completed");
        assertThat(AuditActions.label(texts, "reactor.launch", KbI18NProvider.CHINESE))
                .isEqualTo("reactor.launch");
        assertThat(AuditActions.label(texts, null, KbI18NProvider.CHINESE)).isEmpty();
        assertThat(AuditActions.named(texts, "auth.login")).isTrue();
        assertThat(AuditActions.named(texts, "reactor.launch")).isFalse();
    }

    private static Properties bundle(String resource) {
        Properties p = new Properties();
        try (var in = AuditActionsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }

    /** Actions the backend's audit filter names after the routes it audits, by its own rules. */
    private static List<String> routeActions() throws Exception {
        Class<?> filter = Class.forName("org.kbportal.backend.audit.AuditWebFilter");
        Method audited = filter.getDeclaredMethod("audited", HttpMethod.class, String.class);
        Method action = filter.getDeclaredMethod("action", HttpMethod.class, String.class);
        audited.setAccessible(true);
        action.setAccessible(true);
        var reportField = filter.getDeclaredField("REPORT");
        reportField.setAccessible(true);
        String report = (String) reportField.get(null);

        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<String> actions = new ArrayList<>();
        int routes = 0;
        for (BeanDefinition bean : scanner.findCandidateComponents("org.kbportal.backend")) {
            Class<?> controller = Class.forName(bean.getBeanClassName());
            List<String> prefixes = paths(MergedAnnotations.from(controller).get(RequestMapping.class));
            for (Method m : controller.getDeclaredMethods()) {
                MergedAnnotation<RequestMapping> mapping =
                        MergedAnnotations.from(m).get(RequestMapping.class);
                if (!mapping.isPresent()) {
                    continue;
                }
                for (RequestMethod rm : mapping.getEnumArray("method", RequestMethod.class)) {
                    HttpMethod method = rm.asHttpMethod();
                    for (String prefix : prefixes.isEmpty() ? List.of("") : prefixes) {
                        for (String path : paths(mapping)) {
                            String route = prefix + path;
                            routes++;
                            boolean reportExport = HttpMethod.GET.equals(method) && route.equals(report);
                            if ((boolean) audited.invoke(null, method, route) || reportExport) {
                                actions.add((String) action.invoke(null, method, route));
                            }
                        }
                    }
                }
            }
        }
        assertThat(routes).as("backend routes found").isGreaterThan(50);
        return actions;
    }

    private static List<String> paths(MergedAnnotation<RequestMapping> mapping) {
        if (!mapping.isPresent()) {
            return List.of();
        }
        List<String> all = new ArrayList<>(List.of(mapping.getStringArray("path")));
        return all.isEmpty() ? List.of("") : all;
    }

    /**
     * Codes written by name: the literals in the sources that call the audit log, refusals (which also
     * write {@code <code>.repeated} summaries), the restore's own insert and the audit log's purge.
     */
    private static Set<String> explicitActions() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(BACKEND_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                boolean refusals = source.contains("refusals.refused(");
                // the audit log itself writes one (its purge), through its own methods
                boolean auditLog = file.endsWith(Path.of("audit", "AuditLog.java"));
                if (!refusals
                        && !auditLog
                        && !source.contains("audit.record(")
                        && !source.contains("INSERT INTO audit_event")) {
                    continue;
                }
                Matcher m = CODE.matcher(source);
                while (m.find()) {
                    codes.add(m.group(1));
                    if (refusals) {
                        codes.add(m.group(1) + ".repeated");
                    }
                }
            }
        }
        assertThat(codes).as("explicit actions found").contains("auth.login-failed", "backups.restore", "audit.purge");
        return codes;
    }
}
