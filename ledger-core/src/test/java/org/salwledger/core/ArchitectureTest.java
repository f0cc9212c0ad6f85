package org.salwledger.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Core's shape: plain math at the bottom, the shared kernel of every command (origin, role, refusal,
 * record chain) above it, the aggregates and the processes between them on top, and the auditor's
 * verifier reading all of it. Packages never cycle.
 */
@AnalyzeClasses(packages = "org.salwledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSpringWebOrPersistenceInCore = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.persistence..",
                    "org.springframework.jdbc..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule mathAndExportsArePlainJava = noClasses().that().resideInAnyPackage("..core.crypto..", "..core.log..",
                    "..core.witness..", "..core.epcis..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.springframework..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.salwledger.core.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Math").definedBy("..core.crypto..", "..core.log..", "..core.witness..")
            .layer("Kernel").definedBy("..core.command..", "..core.chain..", "..core.country..")
            .layer("Aggregates").definedBy("..core.actor..", "..core.item..", "..core.transfer..", "..core.trace..")
            .layer("Processes").definedBy("..core.composition..", "..core.cessation..", "..core.consignment..",
                    "..core.report..", "..core.identity..")
            .layer("Audit").definedBy("..core.audit..")
            .layer("Export").definedBy("..core.epcis..")
            .whereLayer("Audit").mayNotBeAccessedByAnyLayer()
            .whereLayer("Export").mayNotBeAccessedByAnyLayer()
            .whereLayer("Processes").mayOnlyBeAccessedByLayers("Audit")
            .whereLayer("Aggregates").mayOnlyBeAccessedByLayers("Processes", "Audit")
            .whereLayer("Kernel").mayOnlyBeAccessedByLayers("Aggregates", "Processes", "Audit")
            .whereLayer("Math").mayOnlyBeAccessedByLayers("Kernel", "Aggregates", "Processes", "Audit", "Export");
}
