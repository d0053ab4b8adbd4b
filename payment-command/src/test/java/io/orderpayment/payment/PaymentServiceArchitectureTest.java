package io.orderpayment.payment;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.orderpayment.testsupport.ArchitectureRules.domainDependsOnlyOnTheContract;
import static io.orderpayment.testsupport.ArchitectureRules.everyPackageHoldsClasses;

/** Dependencies point inward: domain ← application ← adapters (web, amqp, gateway, query, persistence, config, operations). */
@AnalyzeClasses(packages = "io.orderpayment.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class PaymentServiceArchitectureTest {

    private static final String DOMAIN = "io.orderpayment.payment.domain..";
    private static final String APPLICATION = "io.orderpayment.payment.application..";
    private static final String[] ADAPTERS = {
            "io.orderpayment.payment.web..", "io.orderpayment.payment.amqp..", "io.orderpayment.payment.gateway..",
            "io.orderpayment.payment.query..", "io.orderpayment.payment.persistence..", "io.orderpayment.payment.config..",
            "io.orderpayment.payment.operations.."};
    private static final String[] INBOUND_ADAPTERS = {
            "io.orderpayment.payment.web..", "io.orderpayment.payment.amqp..", "io.orderpayment.payment.query.."};

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheContract = domainDependsOnlyOnTheContract(DOMAIN);

    @ArchTest
    static final ArchRule applicationKnowsNoAdapter = noClasses()
            .that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS);

    @ArchTest
    static final ArchRule theGatewayAdapterKnowsNoInboundAdapter = noClasses()
            .that().resideInAPackage("io.orderpayment.payment.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage(INBOUND_ADAPTERS);

    @ArchTest
    static final ArchRule theLayersTheseRulesNameExist = everyPackageHoldsClasses(DOMAIN, APPLICATION)
            .and(everyPackageHoldsClasses(ADAPTERS));
}
