package org.salwledger.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.salwledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSpringWebOrPersistenceInCore = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.persistence..",
                    "org.springframework.jdbc..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule cryptoAndLogMathArePlainJava = noClasses().that().resideInAnyPackage("..core.crypto..", "..core.log..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.springframework..");
}
