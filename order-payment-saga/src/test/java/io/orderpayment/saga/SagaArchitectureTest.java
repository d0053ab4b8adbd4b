package io.orderpayment.saga;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The saga knows the published contract, Axon and Jackson's annotations, nothing of the services hosting it. */
@AnalyzeClasses(packages = "io.orderpayment.saga", importOptions = ImportOption.DoNotIncludeTests.class)
class SagaArchitectureTest {

    @ArchTest
    static final ArchRule sagaDependsOnlyOnTheContractAndAxon = classes()
            .that().resideInAPackage("io.orderpayment.saga..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.orderpayment.saga..", "io.orderpayment.api..", "org.axonframework..",
                    "com.fasterxml.jackson.annotation..", "org.slf4j..", "java..");
}
