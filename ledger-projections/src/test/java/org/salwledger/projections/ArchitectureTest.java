package org.salwledger.projections;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Each view is a package of its own (the projection that writes its tables and the queries over
 * them); the transparency log is not a view and reads none of them.
 */
@AnalyzeClasses(packages = "org.salwledger.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.salwledger.projections.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theLogReadsNoView = noClasses().that().resideInAPackage("..projections.log..")
            .should().dependOnClassesThat().resideInAnyPackage("..projections.actor..", "..projections.alert..",
                    "..projections.composition..", "..projections.item..", "..projections.report..",
                    "..projections.search..", "..projections.trace..", "..projections.transfer..");

    @ArchTest
    static final ArchRule viewsDoNotWriteTheLog = noClasses().that().resideOutsideOfPackage("..projections.log..")
            .should().dependOnClassesThat().resideInAPackage("..projections.log..");

    @ArchTest
    static final ArchRule viewsDoNotSendCommands = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..");
}
