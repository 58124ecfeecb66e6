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

    /** The feature packages, named after the backend's. */
    private static final String[] FEATURES = {
        "org.kbportal.ui.account..",
        "org.kbportal.ui.article..",
        "org.kbportal.ui.audit..",
        "org.kbportal.ui.backup..",
        "org.kbportal.ui.channel..",
        "org.kbportal.ui.duty..",
        "org.kbportal.ui.feedback..",
        "org.kbportal.ui.manual..",
        "org.kbportal.ui.notify..",
        "org.kbportal.ui.question..",
        "org.kbportal.ui.report..",
        "org.kbportal.ui.review..",
        "org.kbportal.ui.search..",
        "org.kbportal.ui.sla.."
    };

    @ArchTest
    static final ArchRule sharedPackagesKnowNoFeature = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.kbportal.ui.client..",
                    "org.kbportal.ui.i18n..",
                    "org.kbportal.ui.navigation..",
                    "org.kbportal.ui.session..",
                    "org.kbportal.ui.widget..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES)
            .because("views may use the shared packages, never the other way round");

    @ArchTest
    static final ArchRule everyClassBelongsToAFeatureOrASharedPackage = classes()
            .that()
            .resideOutsideOfPackage("org.kbportal.ui")
            .should()
            .resideInAnyPackage(concat(
                    FEATURES,
                    "org.kbportal.ui.client..",
                    "org.kbportal.ui.i18n..",
                    "org.kbportal.ui.layout..",
                    "org.kbportal.ui.navigation..",
                    "org.kbportal.ui.session..",
                    "org.kbportal.ui.widget.."))
            .because("a new package is either a feature (named after the backend's) or shared; add it here");

    private static String[] concat(String[] features, String... shared) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(features), java.util.Arrays.stream(shared))
                .toArray(String[]::new);
    }

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
