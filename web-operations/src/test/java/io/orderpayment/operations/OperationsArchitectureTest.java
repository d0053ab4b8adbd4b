package io.orderpayment.operations;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The operations module serves both services, so it knows neither; health and metrics only read. */
@AnalyzeClasses(packages = "io.orderpayment.operations", importOptions = ImportOption.DoNotIncludeTests.class)
class OperationsArchitectureTest {

    @ArchTest
    static final ArchRule knowsNoService = noClasses()
            .that().resideInAPackage("io.orderpayment.operations..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.orderpayment.order..", "io.orderpayment.payment..", "io.orderpayment.saga..");

    @ArchTest
    static final ArchRule healthAndMetricsChangeNothing = noClasses()
            .that().resideInAnyPackage("io.orderpayment.operations.health..", "io.orderpayment.operations.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.axonframework.commandhandling..");
}
