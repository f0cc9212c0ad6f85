package org.salwledger.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Module direction: api → projections → core, never back; the CLI is not a server dependency. */
@AnalyzeClasses(packages = "org.salwledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = noClasses().that().resideInAPackage("org.salwledger.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.salwledger.projections..", "org.salwledger.api..",
                    "org.salwledger.cli..");

    @ArchTest
    static final ArchRule projectionsDoNotKnowTheApi = noClasses().that().resideInAPackage("org.salwledger.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("org.salwledger.api..", "org.salwledger.cli..",
                    "org.springframework.web..");

    @ArchTest
    static final ArchRule theServiceDoesNotUseTheCli = noClasses().that().resideInAPackage("org.salwledger.api..")
            .should().dependOnClassesThat().resideInAPackage("org.salwledger.cli..");
}
