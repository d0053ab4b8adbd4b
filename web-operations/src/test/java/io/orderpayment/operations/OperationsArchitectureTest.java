package io.orderpayment.operations;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.orderpayment.testsupport.ArchitectureRules.everyPackageHoldsClasses;

/**
 * Health and metrics only read. (That the module knows neither service nor their business events is
 * its Maven dependencies' doing: it depends on the outbox and the inbox, not on core-api or a service.)
 */
@AnalyzeClasses(packages = "io.orderpayment.operations", importOptions = ImportOption.DoNotIncludeTests.class)
class OperationsArchitectureTest {

    private static final String HEALTH = "io.orderpayment.operations.health..";
    private static final String METRICS = "io.orderpayment.operations.metrics..";

    @ArchTest
    static final ArchRule healthAndMetricsChangeNothing = noClasses()
            .that().resideInAnyPackage(HEALTH, METRICS)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.axonframework.commandhandling..");

    @ArchTest
    static final ArchRule thePackagesTheseRulesNameExist = everyPackageHoldsClasses(HEALTH, METRICS);
}
