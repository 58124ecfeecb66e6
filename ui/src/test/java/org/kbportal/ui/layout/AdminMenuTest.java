package org.kbportal.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kbportal.ui.layout.MainLayout.AdminPage;
import org.kbportal.ui.session.Audience;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** The administrators' side menu as the main layout builds it from the portal's routes. */
class AdminMenuTest {

    /** The portal's routes, found on the class path as Vaadin's Spring add-on finds them. */
    private static List<RouteData> portalRoutes() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<RouteData> routes = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.kbportal.ui")) {
            @SuppressWarnings("unchecked")
            Class<? extends Component> view = (Class<? extends Component>) Class.forName(candidate.getBeanClassName());
            routes.add(new RouteData(
                    List.of(), view.getAnnotation(Route.class).value(), new HashMap<>(), view, new ArrayList<>()));
        }
        return routes;
    }

    @Test
    void shouldListTheAdministrativePagesInMenuOrderWithTheirAudience() throws Exception {
        List<AdminPage> pages = MainLayout.adminPages(portalRoutes());

        assertThat(pages)
                .extracting(AdminPage::id)
                .containsExactly(
                        "nav-admin",
                        "nav-admin-manuals",
                        "nav-admin-review",
                        "nav-admin-categories",
                        "nav-admin-feedback",
                        "nav-admin-synonyms",
                        "nav-admin-index",
                        "nav-admin-duty",
                        "nav-admin-experts",
                        "nav-admin-sla",
                        "nav-admin-channels",
                        "nav-admin-reports",
                        "nav-admin-backups",
                        "nav-admin-directory",
                        "nav-admin-audit");
        assertThat(pages).filteredOn(p -> p.audience() == Audience.ADMIN).hasSize(13);
        assertThat(pages)
                .filteredOn(p -> p.id().equals("nav-admin-audit"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.audience()).isEqualTo(Audience.AUDITOR);
                    assertThat(p.route()).isEqualTo("admin/audit");
                });
        assertThat(pages)
                .filteredOn(p -> p.id().equals("nav-admin-directory"))
                .singleElement()
                .extracting(AdminPage::audience)
                .isEqualTo(Audience.SECURITY_ADMIN);
    }

    @Test
    void shouldKeepEachGroupTogether() throws Exception {
        List<String> groups = MainLayout.adminPages(portalRoutes()).stream()
                .map(AdminPage::group)
                .toList();
        Set<String> seen = new LinkedHashSet<>();
        String previous = null;
        for (String group : groups) {
            if (!group.equals(previous)) {
                assertThat(seen.add(group))
                        .as("group %s appears twice in the menu", group)
                        .isTrue();
                previous = group;
            }
        }
        assertThat(seen)
                .containsExactly(
                        "nav.group-content",
                        "nav.group-search",
                        "nav.group-service",
                        "nav.group-operations",
                        "nav.group-accounts",
                        "nav.group-audit");
    }
}
