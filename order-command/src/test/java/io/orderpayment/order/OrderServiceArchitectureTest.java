package io.orderpayment.order;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point inward: domain ← application ← adapters (web, query, persistence, config). */
@AnalyzeClasses(packages = "io.orderpayment.order", importOptions = ImportOption.DoNotIncludeTests.class)
class OrderServiceArchitectureTest {

    private static final String[] ADAPTERS = {
            "io.orderpayment.order.web..", "io.orderpayment.order.query..",
            "io.orderpayment.order.amqp..", "io.orderpayment.order.operations..",
            "io.orderpayment.order.persistence..", "io.orderpayment.order.config.."};

    @ArchTest
    static final ArchRule domainKnowsNoTechnology = noClasses()
            .that().resideInAPackage("io.orderpayment.order.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.axonframework.spring..", "jakarta.persistence..", "org.hibernate..",
                    "com.rabbitmq..", "io.lettuce..", "io.orderpayment.outbox..");

    @ArchTest
    static final ArchRule domainKnowsNoOuterLayer = noClasses()
            .that().resideInAPackage("io.orderpayment.order.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .orShould().dependOnClassesThat().resideInAPackage("io.orderpayment.order.application..");

    @ArchTest
    static final ArchRule applicationKnowsNoAdapter = noClasses()
            .that().resideInAPackage("io.orderpayment.order.application..")
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS);

    @ArchTest
    static final ArchRule readModelKnowsNoWeb = noClasses()
            .that().resideInAPackage("io.orderpayment.order.query..")
            .should().dependOnClassesThat().resideInAPackage("io.orderpayment.order.web..");
}
