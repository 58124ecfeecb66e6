package org.kbportal.backend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Feature slices stay free of cycles; the backend never reaches into the UI. */
@AnalyzeClasses(packages = "org.kbportal.backend", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("org.kbportal.backend.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule backendDoesNotUseTheUi =
            noClasses().should().dependOnClassesThat().resideInAPackage("org.kbportal.ui..");

    @ArchTest
    static final ArchRule articlesDoNotDependOnSearch = noClasses()
            .that()
            .resideInAPackage("org.kbportal.backend.article..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.kbportal.backend.search..");
}
