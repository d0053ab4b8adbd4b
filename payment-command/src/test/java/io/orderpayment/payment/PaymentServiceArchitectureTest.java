package io.orderpayment.payment;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point inward: domain ← application ← adapters (web, amqp, gateway, query, persistence, config). */
@AnalyzeClasses(packages = "io.orderpayment.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class PaymentServiceArchitectureTest {

    private static final String[] ADAPTERS = {
            "io.orderpayment.payment.web..", "io.orderpayment.payment.amqp..", "io.orderpayment.payment.gateway..",
            "io.orderpayment.payment.query..", "io.orderpayment.payment.persistence..", "io.orderpayment.payment.config..",
            "io.orderpayment.payment.operations.."};

    @ArchTest
    static final ArchRule domainKnowsNoTechnology = noClasses()
            .that().resideInAPackage("io.orderpayment.payment.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.axonframework.spring..", "jakarta.persistence..", "org.hibernate..",
                    "com.rabbitmq..", "io.lettuce..", "io.orderpayment.outbox..");

    @ArchTest
    static final ArchRule domainKnowsNoOuterLayer = noClasses()
            .that().resideInAPackage("io.orderpayment.payment.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .orShould().dependOnClassesThat().resideInAPackage("io.orderpayment.payment.application..");

    @ArchTest
    static final ArchRule applicationKnowsNoAdapter = noClasses()
            .that().resideInAPackage("io.orderpayment.payment.application..")
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS);

    @ArchTest
    static final ArchRule theGatewayAdapterKnowsNoInboundAdapter = noClasses()
            .that().resideInAPackage("io.orderpayment.payment.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.orderpayment.payment.web..", "io.orderpayment.payment.amqp..", "io.orderpayment.payment.query..");
}
