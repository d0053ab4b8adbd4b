package io.orderpayment.outbox;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The forwarder's logic knows only Axon and its two ports; RabbitMQ, Redis, Spring and JPA sit in
 * adapters, so the broker or the cache could be swapped without touching it.
 */
@AnalyzeClasses(packages = "io.orderpayment.outbox", importOptions = ImportOption.DoNotIncludeTests.class)
class OutboxArchitectureTest {

    @ArchTest
    static final ArchRule forwarderCoreKnowsNoTechnology = noClasses()
            .that().resideInAPackage("io.orderpayment.outbox")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.rabbitmq..", "io.lettuce..", "jakarta.persistence..", "org.hibernate..",
                    "io.orderpayment.outbox.amqp..", "io.orderpayment.outbox.redis..", "io.orderpayment.outbox.config..");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = noClasses()
            .that().resideInAPackage("io.orderpayment.outbox.amqp..")
            .should().dependOnClassesThat().resideInAnyPackage("io.orderpayment.outbox.redis..", "org.springframework.data.redis..");

    @ArchTest
    static final ArchRule cacheAdapterKnowsNoBroker = noClasses()
            .that().resideInAPackage("io.orderpayment.outbox.redis..")
            .should().dependOnClassesThat().resideInAnyPackage("io.orderpayment.outbox.amqp..", "org.springframework.amqp..", "com.rabbitmq..");
}
