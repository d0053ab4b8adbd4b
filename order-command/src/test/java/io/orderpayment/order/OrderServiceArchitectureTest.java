package io.orderpayment.order;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.orderpayment.testsupport.ArchitectureRules.domainDependsOnlyOnTheContract;
import static io.orderpayment.testsupport.ArchitectureRules.everyPackageHoldsClasses;

/** Dependencies point inward: domain ← application ← adapters (web, query, amqp, operations, persistence, config). */
@AnalyzeClasses(packages = "io.orderpayment.order", importOptions = ImportOption.DoNotIncludeTests.class)
class OrderServiceArchitectureTest {

    private static final String DOMAIN = "io.orderpayment.order.domain..";
    private static final String APPLICATION = "io.orderpayment.order.application..";
    private static final String[] ADAPTERS = {
            "io.orderpayment.order.web..", "io.orderpayment.order.query..",
            "io.orderpayment.order.amqp..", "io.orderpayment.order.operations..",
            "io.orderpayment.order.persistence..", "io.orderpayment.order.config.."};

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheContract = domainDependsOnlyOnTheContract(DOMAIN);

    @ArchTest
    static final ArchRule applicationKnowsNoAdapter = noClasses()
            .that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS);

    @ArchTest
    static final ArchRule readModelKnowsNoWeb = noClasses()
            .that().resideInAPackage("io.orderpayment.order.query..")
            .should().dependOnClassesThat().resideInAPackage("io.orderpayment.order.web..");

    @ArchTest
    static final ArchRule theLayersTheseRulesNameExist = everyPackageHoldsClasses(DOMAIN, APPLICATION)
            .and(everyPackageHoldsClasses(ADAPTERS));
}
