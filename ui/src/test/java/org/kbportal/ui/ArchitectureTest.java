package org.kbportal.ui;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Route;
import org.kbportal.ui.navigation.AdminMenu;
import org.kbportal.ui.session.Access;

/** The UI's shape: a client of the backend's HTTP API, in feature slices without cycles. */
@AnalyzeClasses(packages = "org.kbportal.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule uiTalksToTheBackendOnlyOverHttp = noClasses()
            .that(DescribedPredicate.not(belongToAnyOf(PortalLauncher.class)))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.kbportal.backend..")
            .because("only the launcher may start the backend; everything else goes through the HTTP clients");

    @ArchTest
    static final ArchRule featureSlicesAreFreeOfCycles =
            slices().matching("org.kbportal.ui.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule httpClientsKnowNothingAboutVaadin = noClasses()
            .that()
            .resideInAPackage("org.kbportal.ui.client..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.vaadin..");

    @ArchTest
    static final ArchRule routesDeclareWhoMayOpenThem = classes()
            .that()
            .areAnnotatedWith(Route.class)
            .should()
            .beAnnotatedWith(Access.class)
            .because("the access check shows a route without a declaration to nobody");

    @ArchTest
    static final ArchRule menuPagesAreRoutes = classes()
            .that()
            .areAnnotatedWith(AdminMenu.class)
            .should()
            .beAnnotatedWith(Route.class)
            .andShould()
            .beAnnotatedWith(Access.class);

    @ArchTest
    static final ArchRule viewsArePackagePrivate = classes()
            .that()
            .areAnnotatedWith(Route.class)
            .should()
            .notBePublic()
            .because("features link to each other by route path, not by view class");
}
