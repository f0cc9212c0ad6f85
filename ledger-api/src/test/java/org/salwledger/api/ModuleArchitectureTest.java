package org.salwledger.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Module direction: api → projections → core, never back; the CLI is not a server dependency.
 * Inside the service: a web package per feature on top; below it the envelope pipeline (intake) and
 * the read support; the integrity checks; the transparency log; who is reading (auth) and the JDBC
 * stores; problem answers and configuration at the bottom.
 */
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

    @ArchTest
    static final ArchRule theCliUsesOnlyCore = noClasses().that().resideInAPackage("org.salwledger.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.salwledger.projections..", "org.salwledger.api..",
                    "org.axonframework..", "org.springframework..");

    @ArchTest
    static final ArchRule noPackageCyclesInTheService = slices().matching("org.salwledger.api.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule serviceLayers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Web").definedBy("..api.actor..", "..api.item..", "..api.evidence..", "..api.epcis..", "..api.transfer..", "..api.trace..",
                    "..api.alert..", "..api.report..", "..api.session..", "..api.openapi..")
            .layer("Intake").definedBy("..api.intake..")
            .layer("Reads").definedBy("..api.read..")
            .layer("Integrity").definedBy("..api.integrity..")
            .layer("Log").definedBy("..api.log..", "..api.witness..")
            .layer("Access").definedBy("..api.auth..", "..api.store..")
            .layer("Foundation").definedBy("..api.problem..", "..api.config..")
            .whereLayer("Web").mayNotBeAccessedByAnyLayer()
            .whereLayer("Intake").mayOnlyBeAccessedByLayers("Web")
            .whereLayer("Reads").mayOnlyBeAccessedByLayers("Web")
            .whereLayer("Integrity").mayOnlyBeAccessedByLayers("Web", "Intake", "Reads")
            .whereLayer("Log").mayOnlyBeAccessedByLayers("Web", "Intake", "Reads", "Integrity")
            .whereLayer("Access").mayOnlyBeAccessedByLayers("Web", "Intake", "Reads", "Integrity", "Log");

    @ArchTest
    static final ArchRule onlyIntakeSendsCommands = noClasses().that().resideOutsideOfPackages("..api.intake..", "..api.config..")
            .and().resideInAPackage("org.salwledger.api..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.commandhandling.gateway.CommandGateway");
}
