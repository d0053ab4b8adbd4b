package io.orderpayment.saga;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.saga.SagaLifecycle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The saga knows the published contract, Axon and Jackson's annotations, nothing of the services hosting it. */
@AnalyzeClasses(packages = "io.orderpayment.saga", importOptions = ImportOption.DoNotIncludeTests.class)
class SagaArchitectureTest {

    @ArchTest
    static final ArchRule sagaDependsOnlyOnTheContractAndAxon = classes()
            .that().resideInAPackage("io.orderpayment.saga..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.orderpayment.saga..", "io.orderpayment.api..", "org.axonframework..",
                    "com.fasterxml.jackson.annotation..", "org.slf4j..", "java..");

    /**
     * A saga keeps the one association it started with: the order service segments sagas by it
     * (SagaSegmentsByAssociation), and a saga associated with another value would miss its events.
     */
    @ArchTest
    static final ArchRule sagaKeepsTheAssociationItStartedWith = noClasses()
            .that().resideInAPackage("io.orderpayment.saga..")
            .should().dependOnClassesThat().areAssignableTo(SagaLifecycle.class);
}
